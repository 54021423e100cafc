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
ENV NODE_ENV=production \
    DATABASE_PATH=/data/steady-nights.sqlite
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Only used in webhook mode (BOT_MODE=webhook); GET /healthz answers 200 there.
EXPOSE 8080
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
