# LmcBot container image. Build:  docker build -t lmcbot .
# Run:    docker run -p 8080:8080 -v lmcbot-data:/data -e Discord__Mode=Http -e Discord__PublicKey=... lmcbot
# (docs/OPERATIONS.md, "Running with Docker"). .ci/run performs the same publish and health check without Docker.

# --- build: restore, build and publish (no tests here: CI runs them) ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a dependency changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/LmcBot/LmcBot.csproj src/LmcBot/
COPY src/LmcBot.Core/LmcBot.Core.csproj src/LmcBot.Core/
COPY src/LmcBot.Discord/LmcBot.Discord.csproj src/LmcBot.Discord/
COPY src/LmcBot.Teams/LmcBot.Teams.csproj src/LmcBot.Teams/
# linux-x64 only: the publish then carries just that platform's ONNX Runtime library (28 MB instead of 260 MB of them).
RUN dotnet restore src/LmcBot/LmcBot.csproj -r linux-x64
COPY src/ src/
COPY appsettings.json ./
COPY knowledge/ knowledge/
# The publish output carries appsettings.json and knowledge/, its committed sentence vectors included (src/LmcBot/LmcBot.csproj).
RUN dotnet publish src/LmcBot/LmcBot.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

# --- runtime: ASP.NET Core only, non-root, database on a volume ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's built-in non-root user "app" ($APP_UID) must own the volume's mount point.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Knowledge__DatabasePath=/data/lmcbot.db \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
# No curl in the image: the app's own 'healthcheck' verb calls http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/health/ready.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/LmcBot.dll", "healthcheck", "--timeout", "5"]
# Exec form: the app is PID 1 and receives SIGTERM itself (graceful shutdown, Hosting__ShutdownTimeout).
# docker stop waits 10 s by default; give it more than the shutdown timeout: docker stop -t 35.
ENTRYPOINT ["dotnet", "/app/LmcBot.dll"]
