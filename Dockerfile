# syntax=docker/dockerfile:1
# Shardway's server image. From the repository root:
#   docker build -t shardway:0.1.0 .
#   docker run -v "$PWD/shardway.yaml:/etc/shardway/shardway.yaml:ro" -p 6033:6033 shardway:0.1.0
# The configuration must listen on 0.0.0.0 to be reachable from outside the container, and give
# admin: { host: 0.0.0.0, port: 9104 } for the health check below (helm/shardway renders both).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps Maven's repository between builds. Tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -pl proxy-server -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 shardway \
 && useradd --system --uid 10001 --gid shardway --no-create-home --shell /usr/sbin/nologin shardway
COPY --from=build /src/proxy-server/target/shardway.jar /app/shardway.jar
# Numeric, so that Kubernetes' runAsNonRoot can check it without reading /etc/passwd.
USER 10001:10001
EXPOSE 6033 9104
# bash's /dev/tcp speaks the HTTP request, as the image has no curl or wget to rely on. Reads the
# status line of GET /health/live and passes on 200.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9104 && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/shardway.jar"]
CMD ["serve", "--config", "/etc/shardway/shardway.yaml"]
