# Build stage: compile and package the jar (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
RUN mvn -q -B -DskipTests package && cp target/broadsheet-*.jar /broadsheet.jar

# Run stage: a Java 25 JRE, the jar (compiled for Java 17), and a data volume, as an unprivileged user. Java 25 for
# its AOT cache: a start takes a quarter less than on Java 17 with a class-data archive (see "Performance" in the
# README); ImageRuntimeStartIT starts the jar on Java 25 this way and reads every kind of page.
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin broadsheet \
    && mkdir -p /app /data && chown broadsheet:broadsheet /data
COPY --from=build /broadsheet.jar /tmp/broadsheet.jar
# The jar unpacked (Spring Boot's tools jarmode), and an AOT cache made by a training start that reads its own
# reader pages and stops (--broadsheet.training-run=true): it spares each start loading, verifying and linking
# ~25,000 classes (and the first reader waiting for the 5,000 that only serving a page loads), and holds what the
# training learnt of the hot methods, so that the JIT compilers do less at start. The two options allowing
# Lucene's native calls and Tomcat's Unsafe (else Java 25 warns of them) are part of what the cache records: the
# training and the site must both have them. Both the
# training and the site start in ahead-of-time mode (-Dspring.aot.enabled=true): the bean definitions generated
# by the build, instead of working them out from the configuration classes at every start.
RUN java -Djarmode=tools -jar /tmp/broadsheet.jar extract --destination /app && rm /tmp/broadsheet.jar \
    && cd /app && java -Dspring.aot.enabled=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -XX:AOTCacheOutput=/app/broadsheet.aot \
        -jar /app/broadsheet.jar --broadsheet.training-run=true --broadsheet.data-dir=/tmp/training --server.port=0 \
        --broadsheet.scheduling.enabled=false --broadsheet.weather.provider=none \
    && rm -rf /tmp/training
USER broadsheet
WORKDIR /app
ENV BROADSHEET_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# bash's /dev/tcp needs no extra package in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# Ahead-of-time mode, and small-machine options (see "Performance" in the README): heap from the container's memory, grown only as needed
# (from 128 MB); serial GC with larger survivor spaces, smaller thread stacks and code cache; freed native
# memory handed back every 5 s and two malloc arenas; the AOT cache made above.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-Dspring.aot.enabled=true", "-XX:MaxRAMPercentage=60", "-Xms128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:SurvivorRatio=4", \
    "-XX:ReservedCodeCacheSize=64m", \
    "-XX:MetaspaceSize=64m", "-XX:MaxMetaspaceSize=192m", "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000", \
    "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:AOTCache=/app/broadsheet.aot", \
    "-jar", "/app/broadsheet.jar"]
