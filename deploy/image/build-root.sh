#!/usr/bin/env bash
# Lays out the file system the Staysync image runs on, from the build machine alone: no
# registry serves a base image here (docs/adr/0020-image-from-the-build-machine.md).
#
#   build-root.sh JAVA_HOME ROOT
#
# ROOT receives
#   /opt/java/openjdk   a Java runtime made by jlink from JAVA_HOME's jmods (the modules below)
#   /lib, /lib64        the shared libraries that runtime loads, copied from this machine
#   /etc                passwd, group and nsswitch.conf naming the user staysync (10001:10001)
#   /tmp, /var/lib/staysync, /home/staysync   directories the application may write to
#
# The runtime is reused while JAVA_HOME's release and this script are unchanged (a stamp
# records both), so a second build costs nothing here.
set -euo pipefail

java_home=${1:?JAVA_HOME}
root=${2:?ROOT}
here=$(cd "$(dirname "$0")" && pwd)

# The modules the application needs. `jdeps --print-module-deps` over the jar's classes and
# libraries names java.base, java.compiler, java.desktop (java.beans), java.instrument,
# java.net.http, java.prefs, java.scripting, java.security.jgss, java.sql.rowset, jdk.jfr,
# jdk.management, jdk.net and jdk.unsupported; the rest are loaded by name or through
# service loaders, which jdeps cannot see: elliptic-curve TLS, JNDI, extra charsets of
# feeds, locale data, the zip file system, and jcmd for thread dumps in production.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,\
java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,\
java.sql,java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.attach,jdk.charsets,\
jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jcmd,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,\
jdk.net,jdk.unsupported,jdk.zipfs

runtime="$root/opt/java/openjdk"
stamp="$root.stamp"
want="$(cat "$java_home/release" 2>/dev/null | sha256sum) $(sha256sum < "$0")"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "image root: $root is up to date"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-aarch64) ;;
  *) echo "The image's runtime is made from this machine's JDK and C library: it must be Linux on x86_64 or aarch64, not $(uname -s)-$(uname -m). Build with -Dimage.from=eclipse-temurin:17-jre instead." >&2
     exit 1 ;;
esac
[[ -d "$java_home/jmods" ]] || { echo "$java_home has no jmods: jlink needs a full JDK (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

rm -rf "$root"
mkdir -p "$root/opt/java"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$runtime"
# The distribution's certificate authorities, kept current by its ca-certificates package,
# rather than the snapshot inside the JDK's jmods.
if [[ -f /etc/ssl/certs/java/cacerts ]]; then
  cp -L /etc/ssl/certs/java/cacerts "$runtime/lib/security/cacerts"
fi

# Every shared library the runtime links to, and the libraries those link to, as regular
# files (the image holds no symbolic links). java.desktop is there only for java.beans: its
# native libraries for windows, fonts, images and sound are removed with the libraries they
# need (X11, freetype, harfbuzz, libpng, libjpeg, lcms2, ALSA), which a headless server
# never loads; a use of them fails with UnsatisfiedLinkError naming the library.
desktop_only='libawt_xawt.so libsplashscreen.so libjawt.so libfontmanager.so libjavajpeg.so liblcms.so libjsound.so'
for lib in $desktop_only; do rm -f "$runtime/lib/$lib"; done
copy_lib() {
  local lib=$1 dest
  case "$lib" in
    */ld-linux*) dest="$root/lib64/$(basename "$lib")" ;;
    *) dest="$root/lib/$(uname -m)-linux-gnu/$(basename "$lib")" ;;
  esac
  [[ -f "$dest" ]] && return 0
  mkdir -p "$(dirname "$dest")"
  cp -L "$lib" "$dest"
}
while read -r lib; do
  copy_lib "$lib"
done < <(find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
         | xargs -0 ldd 2>/dev/null \
         | awk -v own="$runtime/" '/=> \// && index($3, own) != 1 { print $3 } /^\t\/.*ld-linux/ { print $1 }' \
         | sort -u)
# The C library loads these by name at run time, so ldd does not list them: the name
# service modules (built into libc since glibc 2.34, still loaded by older ones) and
# libgcc_s, which pthread_cancel needs to unwind a thread.
for extra in libnss_dns.so.2 libnss_files.so.2 libresolv.so.2 libgcc_s.so.1; do
  found=$(ldconfig -p | awk -v n="$extra" '$1 == n && /x86-64|AArch64/ { print $NF; exit }')
  [[ -n "$found" ]] && copy_lib "$found"
done

mkdir -p "$root/etc" "$root/tmp" "$root/var/lib/staysync" "$root/home/staysync"
cp "$here/etc/passwd" "$here/etc/group" "$here/etc/nsswitch.conf" "$root/etc/"
echo "$want" > "$stamp"
echo "image root: $root made ($(du -sh "$root" | cut -f1))"
