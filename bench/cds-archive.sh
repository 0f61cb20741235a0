#!/bin/sh
# Extracts target/staysync.jar (Spring Boot's jarmode tools) and records a class-data-sharing
# archive of the classes a start loads, by starting the application once up to its refreshed
# context (schema migrated, then it exits). Start the result with:
#   java -XX:SharedArchiveFile=DEST/staysync.jsa -Xshare:on -jar DEST/staysync.jar
# The archive fits only this build and this JDK: make it again after either changes.
set -eu
jar="${1:-target/staysync.jar}"
dest="${2:-target/cds}"
rm -rf "$dest"
java -Djarmode=tools -jar "$jar" extract --destination "$dest"
app="$(cd "$dest" && pwd)"
training="$(mktemp -d)"
# A throwaway home and working directory: the training start makes a database and a keyring.
(cd "$training" && java -XX:ArchiveClassesAtExit="$app/staysync.jsa" -Dspring.context.exit=onRefresh \
    -Duser.home="$training" -jar "$app/staysync.jar" > "$training/training.log" 2>&1)
rm -rf "$training"
echo "Start it with: java -XX:SharedArchiveFile=$app/staysync.jsa -Xshare:on -jar $app/staysync.jar"
