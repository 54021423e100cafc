# syntax=docker/dockerfile:1

# ---- build: compile TypeScript and the better-sqlite3 native addon -------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- run: production dependencies, compiled code and texts only, as a non-root user ---------
FROM node:24-bookworm-slim
# HEALTH_PORT: /healthz, /readyz and /metrics in polling mode (webhook mode serves them on PORT),
# on all interfaces so a Prometheus outside the container can scrape /metrics.
ENV NODE_ENV=production \
    DATABASE_PATH=/data/steady-nights.sqlite \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Webhook mode: Telegram's updates and the health endpoints; polling mode: health endpoints only.
EXPOSE 8080
# Unhealthy when /readyz fails: database locked or failing, no updates polled for 90 s, or the
# reminder scheduler stalled. start-period covers a slow first contact with Telegram.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "dist/ops/healthcheck-cli.js"]
STOPSIGNAL SIGTERM
# The production start: compiled code only (built in the stage above), no dev dependencies.
# `npm run backup -- /data/backup.sqlite` works in the container too (docker exec).
CMD ["node", "dist/main.js"]
