# Latchkey server image. Not built by the project's CI (no container runtime there): kept plain on purpose.
# docker build -t latchkey .        then see deploy/docker-compose.yml and docs/production.md
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
# ReadyToRun: precompiled code, so a fresh node serves logins at full speed within seconds instead of after
# the JIT has caught up (docs/performance.md, "Warm-up").
RUN dotnet publish src/Latchkey.Server/Latchkey.Server.csproj -c Release -a "${TARGETARCH:-amd64}" --self-contained false \
    -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl only for the container health check (/health/ready).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && mkdir /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Latchkey__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "latchkey.dll"]
