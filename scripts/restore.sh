#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and media folder.
#
#   DATABASE_URL=postgres://user@host:5432/portal_restored MEDIA_ROOT=/srv/portal/media \
#     scripts/restore.sh /var/backups/portal/20260101-020000
#
# PostgreSQL: create the database first (createdb portal_restored); pg_restore stops at
# the first error. SQLite: the target file must not exist yet. Checksums are verified
# first. Run `manage.py migrate` afterwards if the code is newer than the backup.
set -euo pipefail
cd "$(dirname "$0")/.."

src="${1:?usage: scripts/restore.sh <backup folder>}"
database_url="${DATABASE_URL:?set DATABASE_URL to the (empty) target database}"
media_root="${MEDIA_ROOT:-$PWD/media}"
private_root="${PRIVATE_MEDIA_ROOT:-$PWD/private}"

(cd "$src" && sha256sum --check --quiet SHA256SUMS)

case "$database_url" in
  postgres://*|postgresql://*)
    pg_restore --no-owner --no-privileges --exit-on-error --dbname="$database_url" "$src/db.dump"
    ;;
  sqlite:///*)
    target="${database_url#sqlite://}"
    if [ -e "$target" ]; then
      echo "restore: $target exists; refusing to overwrite it" >&2
      exit 1
    fi
    cp "$src/db.sqlite3" "$target"
    ;;
  *)
    echo "restore: unsupported DATABASE_URL" >&2
    exit 2
    ;;
esac

if [ -f "$src/media.tar.gz" ]; then
  mkdir -p "$media_root"
  tar -xzf "$src/media.tar.gz" -C "$media_root"
fi
if [ -f "$src/private.tar.gz" ]; then
  mkdir -p "$private_root"
  chmod 700 "$private_root"
  tar -xzf "$src/private.tar.gz" -C "$private_root"
fi
echo "restored $src"
