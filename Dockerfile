# Production image of the compliance service (untested here: this machine has no container engine).
# Build:  docker build -t property-compliance-rules .
# Run:    see compose.yaml (PostgreSQL + two replicas behind a proxy) and docs/configuration.md.

# --- build: the project's own wrapper and tests-skipped package (CI runs the tests) ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
COPY rules rules
COPY policies policies
RUN ./mvnw -q -B -DskipTests package \
 && java -Djarmode=tools -jar target/property-compliance-rules-*.jar extract --layers --launcher --destination /app

# --- run: JRE only, a non-root user, rules and policies as a volume ---
FROM eclipse-temurin:17-jre
RUN groupadd --system compliance && useradd --system --gid compliance --home-dir /srv/compliance compliance \
 && mkdir -p /srv/compliance/data && chown compliance:compliance /srv/compliance/data
WORKDIR /srv/compliance
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# The files a release is built from at start-up; mount your own over /srv/compliance/rules and /srv/compliance/policies.
COPY --from=build --chown=compliance:compliance /src/rules /srv/compliance/rules
COPY --from=build --chown=compliance:compliance /src/policies /srv/compliance/policies
VOLUME ["/srv/compliance/rules", "/srv/compliance/policies"]
ENV COMPLIANCE_RULES_DIR=/srv/compliance/rules \
    COMPLIANCE_POLICIES_DIR=/srv/compliance/policies \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER compliance
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
