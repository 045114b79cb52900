# Build stage: compile and package the jar (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
RUN mvn -q -B -DskipTests package && cp target/broadsheet-*.jar /broadsheet.jar

# Run stage: a JRE, the jar, and a data volume, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin broadsheet \
    && mkdir -p /app /data && chown broadsheet:broadsheet /data
COPY --from=build /broadsheet.jar /app/broadsheet.jar
USER broadsheet
WORKDIR /app
ENV BROADSHEET_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# bash's /dev/tcp needs no extra package in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/broadsheet.jar"]
