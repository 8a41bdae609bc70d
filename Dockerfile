# syntax=docker/dockerfile:1
#
# Peerbridge container image: the Go server plus the built React app.
#   docker build -t peerbridge .
#   docker compose up --build        (see docker-compose.yml)

# --- frontend: frontend/dist ------------------------------------------------
FROM node:20-bookworm AS web
WORKDIR /src/frontend
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY frontend/ ./
# The API description, for builds that read ../api.
COPY api/ /src/api/
RUN npm run build

# --- backend: static binary -------------------------------------------------
FROM golang:1.26-bookworm AS server
WORKDIR /src
ENV CGO_ENABLED=0 GOOS=linux GOFLAGS=-buildvcs=false
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY cmd/ ./cmd/
COPY internal/ ./internal/
COPY migrations/ ./migrations/
COPY api/ ./api/
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags="-s -w" -o /out/peerbridge ./cmd/peerbridge

# --- runtime ------------------------------------------------------------------
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 peerbridge \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin peerbridge
WORKDIR /app
COPY --from=server /out/peerbridge /usr/local/bin/peerbridge
COPY --from=web /src/frontend/dist/ /app/web/
ENV PEERBRIDGE_ADDR=0.0.0.0:8080 \
    PEERBRIDGE_WEB_DIR=/app/web \
    PEERBRIDGE_AUTO_MIGRATE=true
USER 10001:10001
EXPOSE 8080
CMD ["peerbridge", "serve"]
