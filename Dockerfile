# One image for the API and the workers; the command chooses which (`hipcheck api` / `hipcheck worker`).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The dashboard and the server (dist/server) are built by `prepare` from their sources, so copy
# those before installing.
COPY bin ./bin
COPY dashboard ./dashboard
COPY shared ./shared
COPY services ./services
COPY workers ./workers
COPY app ./app
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/dist ./dist
COPY package.json ./
COPY bin ./bin
# The sources stay beside the compiled server: the migrations are read from services/db.
COPY shared ./shared
COPY services ./services
COPY workers ./workers
COPY app ./app
# DATA_DIR: where uploads wait for the workers (a volume shared by the API and worker containers).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=32", "bin/hipcheck.js", "api"]
