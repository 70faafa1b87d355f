# syntax=docker/dockerfile:1

# Project files only: the restore layer below is reused until a project file changes, and a project added under
# src/ (Eddy.Redis) needs no edit here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS projects
WORKDIR /src
COPY src/ src/
RUN find src -type f ! -name '*.csproj' -delete

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The repository's build settings (warnings as errors, analyzers, central package versions) apply here too.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY --from=projects /src/src/ src/
RUN dotnet restore src/Eddy.Cli/Eddy.Cli.csproj
COPY src/ src/
RUN dotnet publish src/Eddy.Cli/Eddy.Cli.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The runtime image has no HTTP client for HEALTHCHECK.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# Owned by the non-root user before VOLUME: a new named volume copies this ownership, so the server can write to it.
RUN mkdir /data && chown "$APP_UID:$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./

# Settings, not only CMD flags, so a command override (compose, Kubernetes args) still listens on every interface
# and keeps its data in the volume. The image's ASPNETCORE_HTTP_PORTS is cleared: Eddy binds its own URLs and
# Kestrel would otherwise log a warning about overriding it at every start.
ENV Eddy__Urls=http://0.0.0.0:8080 \
    Eddy__DataDirectory=/data \
    ASPNETCORE_HTTP_PORTS=

# The base image's non-root "app" user, by number so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl --fail --silent --output /dev/null --max-time 2 http://127.0.0.1:8080/healthz || exit 1

ENTRYPOINT ["dotnet", "Eddy.Cli.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080", "--data-dir", "/data"]
