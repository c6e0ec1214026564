# Drover in a container, for docker-compose.yml. Built from source; needs Maven Central.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY db db
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
# libvirt0: the client library Drover loads through JNA (plus libvirt's CPU map); openssh-client for qemu+ssh URIs.
RUN apt-get update && apt-get install -y --no-install-recommends libvirt0 openssh-client \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/drover.jar /opt/drover/drover.jar
WORKDIR /work
# The context as the build's ahead-of-time processing generated it, as bin/drover runs it.
ENTRYPOINT ["java", "-Dspring.aot.enabled=true", "-jar", "/opt/drover/drover.jar"]
CMD ["--help"]
