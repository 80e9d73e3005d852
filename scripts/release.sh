#!/usr/bin/env bash
# Builds a release of the Maven modules into a repository folder:
#
#   scripts/release.sh VERSION REPOSITORY_FOLDER [DIST_FOLDER]    e.g. scripts/release.sh 0.1.0 /srv/maven dist/
#
# The working tree is left alone: its files (tracked, and new ones not ignored by git) are copied to a scratch
# folder, the version is set there on every POM, and Maven deploys the jars, their sources and javadoc jars, the
# POMs, the parent and the BOM into REPOSITORY_FOLDER, laid out as a Maven repository (a host reads it with a
# <repository> whose url is file:REPOSITORY_FOLDER). Tests are not run: run scripts/test.sh on the same commit
# first. Nothing is installed into ~/.m2. With DIST_FOLDER, the binary distribution built from the same jar
# (scripts/package.sh: smpp-VERSION-linux-amd64.tar.gz) is written there too. See docs/releasing.md.
set -euo pipefail

usage() { echo "usage: $0 VERSION REPOSITORY_FOLDER [DIST_FOLDER]   (VERSION like 0.1.0, not a -SNAPSHOT)" >&2; exit 2; }
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
version=$1
[[ $version =~ ^[0-9]+(\.[0-9]+)*([.-][A-Za-z0-9]+)*$ ]] || { echo "release.sh: '$version' is not a version like 0.1.0 or 1.0.0-rc1" >&2; exit 2; }
case $version in
  *SNAPSHOT*) echo "release.sh: a release has a fixed version; '$version' is a SNAPSHOT" >&2; exit 2 ;;
esac
mkdir -p "$2"
repository=$(cd "$2" && pwd)

root=$(cd "$(dirname "$0")/.." && pwd)
git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1 \
  || { echo "release.sh: $root is not a git work tree; the release copies the files git knows of" >&2; exit 1; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/smpp-release.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# Tracked and new files, not what .gitignore keeps out (target/, .scratch/, data/); files deleted in the
# working tree but not yet in git are skipped.
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -f "$file" ] && printf '%s\0' "$file"; done \
  | tar --null -T - -cf -) | tar -C "$scratch" -xf -

mvn=(mvn -B -ntp -f "$scratch/pom.xml")

# -Pbench: the benchmarks module is not in the default reactor, but its POM names the parent's version too.
"${mvn[@]}" -q -Pbench org.codehaus.mojo:versions-maven-plugin:2.18.0:set \
  -DnewVersion="$version" -DprocessAllModules=true -DgenerateBackupPoms=false
if left=$(grep -rl --include=pom.xml -e '-SNAPSHOT</version>' "$scratch"); then
  echo "release.sh: these POMs still name a SNAPSHOT version after setting $version:" >&2
  echo "$left" >&2
  exit 1
fi

# maven-deploy-plugin 3.x (pinned in the parent and the BOM) takes id::url. The id must not be "local": Maven keeps
# a copy of a remote's metadata in ~/.m2 as maven-metadata-ID.xml, and maven-metadata-local.xml is ~/.m2's own.
"${mvn[@]}" -Prelease -DskipTests -Dmaven.install.skip=true \
  -DaltDeploymentRepository="release-folder::file:$repository" deploy

echo "release.sh: $version deployed to $repository:"
(cd "$repository" && find io/smppgateway -path "*/$version/*" -name '*.pom' | sort)

if [ $# -eq 3 ]; then
  # the all-in-one jar the deploy just built at $version, in the archive that runs without Java
  SMPP_GATEWAY_JAR="$scratch/smpp-runner/target/smpp-gateway.jar" "$root/scripts/package.sh" "$version" "$3"
fi
