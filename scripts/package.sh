#!/usr/bin/env bash
# Builds the gateway's binary distribution: one archive per platform that runs on a machine with no
# Java installed.
#
#   scripts/package.sh [VERSION] [OUT_DIR]      e.g. scripts/package.sh 0.1.0 /tmp/dist
#
# writes OUT_DIR/smpp-VERSION-linux-amd64.tar.gz (OUT_DIR defaults to target/dist; VERSION is the
# project's version, as the jar says it: given, it must be that one) holding one folder, smpp-VERSION/:
#   smpp               the launcher (POSIX sh): runs the jar on runtime/, `run` when given no command
#   lib/smpp-gateway.jar
#   runtime/           a Java runtime made by jlink with the modules the gateway uses
#   smpp.conf          every key commented out at its default, made from the settings' own definitions
#   smpp.service       the systemd unit (docs/operations.md shows the same file)
#   README.md, LICENSE, NOTICE
#
# It builds the jar with Maven (tests skipped: run scripts/test.sh first) unless SMPP_GATEWAY_JAR names
# one already built. jlink comes from JAVA_HOME, else from the JDK of the jlink on the PATH; the
# runtime is for the platform the script runs on (the archive's name says which). See docs/releasing.md.
set -euo pipefail

usage() { echo "usage: $0 [VERSION] [OUT_DIR]" >&2; exit 2; }
[ $# -le 2 ] || usage
root=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-}
out=${2:-$root/target/dist}

if [ -n "${JAVA_HOME:-}" ]; then
  jdk=$JAVA_HOME
else
  jlink_on_path=$(command -v jlink) || { echo "package.sh: no jlink on the PATH and no JAVA_HOME: a JDK 17+ is needed" >&2; exit 1; }
  jdk=$(cd "$(dirname "$(readlink -f "$jlink_on_path")")/.." && pwd)
fi
# jlink links from jmods/, or (JDK 24+ built for it, JEP 493) from the JDK's own run-time image
[ -x "$jdk/bin/jlink" ] || { echo "package.sh: $jdk is not a JDK with jlink (set JAVA_HOME to one, 17 or later)" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-amd64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  *) echo "package.sh: no archive name for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac

jar=${SMPP_GATEWAY_JAR:-}
if [ -z "$jar" ]; then
  (cd "$root" && mvn -B -ntp -q -pl smpp-runner -am package -DskipTests)
  jar=$root/smpp-runner/target/smpp-gateway.jar
fi
[ -f "$jar" ] || { echo "package.sh: no jar at $jar" >&2; exit 1; }

# "smpp-gateway 0.1.0": the version Maven filtered into the jar, the POM's
jar_version=$("$jdk/bin/java" -jar "$jar" --version | awk '{print $2}')
if [ -z "$version" ]; then
  version=$jar_version
elif [ "$version" != "$jar_version" ]; then
  echo "package.sh: the jar is version $jar_version, not $version; a release's archive comes from" \
    "scripts/release.sh $version REPOSITORY_FOLDER DIST_FOLDER, which builds it at that version" >&2
  exit 2
fi
[[ $version =~ ^[0-9]+(\.[0-9]+)*([.-][A-Za-z0-9]+)*$ ]] \
  || { echo "package.sh: '$version' is not a version like 0.1.0 or 0.1.0-SNAPSHOT" >&2; exit 2; }

# The runtime's modules. jdeps cannot read the shaded jar (its dependencies' module-info and
# versioned classes clash), so the list is fixed here, from `jdeps --print-module-deps` over the jar's
# classes unpacked, checked by running the archive (the embedded database and MySQL, NSQ, the SMPP TLS
# port, HTTPS on the admin port, TLS to an SMSC); a module missing shows as NoClassDefFoundError.
#   java.base, java.logging, java.management, java.naming, java.sql, java.xml
#                     the code and its libraries (Netty, Undertow/XNIO, JDBI, HikariCP, H2, MySQL
#                     Connector/J, Flyway, SLF4J); java.naming also for Netty's certificate checks
#   java.net.http     the NSQ client's nsqlookupd queries
#   java.security.sasl  SASL in XNIO (Undertow's I/O) and in Connector/J's authentication plugins
#   jdk.unsupported   sun.misc.Unsafe for Netty, XNIO, JBoss Threads, Protobuf
#   jdk.crypto.ec     elliptic-curve keys and key exchange: EC PEM keys, ECDHE with ESMEs, SMSCs, browsers
#   jdk.jfr           Netty's buffer events; and flight recordings of the running gateway
#   jdk.management    com.sun.management: the JVM options the gateway checks at start, and jcmd's figures
# Left out: java.desktop (java.beans: only JDBI's bean and constructor mappers, which the stores do not
# use, and an H2 tool with a window), jdk.naming.dns (Connector/J's DNS SRV URLs, which the gateway does
# not make), jdk.zipfs (nothing opens the jar as a file system), java.scripting, java.instrument and
# jdk.net (H2's JavaScript functions, profiler agent and TCP server), java.security.jgss (Undertow's
# Kerberos login), java.compiler (Error Prone's annotations, not kept at run time).
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.security.sasl,java.sql,java.xml
modules=$modules,jdk.unsupported,jdk.crypto.ec,jdk.jfr,jdk.management

# JDK 21 names the levels zip-0..zip-9; JDK 17 only knows 0, 1 and 2 (2 is zip).
if "$jdk/bin/jlink" --help 2>&1 | grep -q 'zip-'; then compress=zip-6; else compress=2; fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/smpp-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
folder=smpp-$version
stage=$scratch/$folder
mkdir -p "$stage/lib"

"$jdk/bin/jlink" --add-modules "$modules" --output "$stage/runtime" \
  --strip-debug --no-header-files --no-man-pages --compress="$compress"
# Outbound TLS to SMSCs trusts the runtime's authorities (unless SMPP_CLIENT_CA_PATH says otherwise).
[ -s "$stage/runtime/lib/security/cacerts" ] \
  || { echo "package.sh: the runtime has no lib/security/cacerts: TLS to SMSCs would trust nobody" >&2; exit 1; }

cp "$jar" "$stage/lib/smpp-gateway.jar"
install -m 0755 "$root/dist/smpp" "$stage/smpp"
install -m 0644 "$root/dist/smpp.service" "$root/dist/README.md" "$root/LICENSE" "$root/NOTICE" "$stage/"
# Made by the packaged runtime itself: a runtime that cannot run the jar stops the packaging here.
"$stage/runtime/bin/java" -cp "$stage/lib/smpp-gateway.jar" io.smppgateway.runner.config.ConfTemplate \
  > "$stage/smpp.conf"
chmod 0644 "$stage/smpp.conf"

mkdir -p "$out"
archive=$(cd "$out" && pwd)/$folder-$platform.tar.gz
tar -C "$scratch" --sort=name --owner=0 --group=0 --numeric-owner -czf "$archive" "$folder"
echo "package.sh: $archive ($(du -h "$archive" | cut -f1))"
