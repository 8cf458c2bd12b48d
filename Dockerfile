# syntax=docker/dockerfile:1
# Pasok: compiled in a build stage, run as plain JavaScript on Node 24 LTS by a non-root user.
# The runtime image holds production dependencies only: no TypeScript, tsx or esbuild.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY views ./views
COPY search ./search
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
COPY public ./public
# DATA_DIR holds only the embedded PostgreSQL (used without DATABASE_URL): uploads and mail live in it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Admin commands in the container: node dist/src/cli.js <command> (backup, restore, user:create, ...).
# SIGTERM drains and stops cleanly.
CMD ["node", "dist/src/server.js"]
