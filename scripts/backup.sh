#!/usr/bin/env bash
# Back up the portal: the database and the uploaded files, into <dest>/<timestamp>/.
#
#   DATABASE_URL=postgres://user@host:5432/portal MEDIA_ROOT=/srv/portal/media \
#     scripts/backup.sh /var/backups/portal
#
# PostgreSQL: pg_dump custom format (compressed, restorable table by table with
# pg_restore). SQLite: sqlite3's online ".backup" (consistent while the site runs).
# Media: a tar.gz of MEDIA_ROOT, and one of PRIVATE_MEDIA_ROOT (files only staff may read). Backups older than BACKUP_KEEP_DAYS (default 30) are
# removed afterwards. Prints the new backup's folder. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."

dest_root="${1:?usage: scripts/backup.sh <destination folder>}"
database_url="${DATABASE_URL:-sqlite:///$PWD/db.sqlite3}"
media_root="${MEDIA_ROOT:-$PWD/media}"
private_root="${PRIVATE_MEDIA_ROOT:-$PWD/private}"
keep_days="${BACKUP_KEEP_DAYS:-30}"
stamp="$(date +%Y%m%d-%H%M%S)"
dest="$dest_root/$stamp"
mkdir -p "$dest"
chmod 700 "$dest"

case "$database_url" in
  postgres://*|postgresql://*)
    pg_dump --format=custom --no-owner --no-privileges --file="$dest/db.dump" "$database_url"
    ;;
  sqlite:///*)
    sqlite3 "${database_url#sqlite://}" ".backup '$dest/db.sqlite3'"
    ;;
  *)
    echo "backup: unsupported DATABASE_URL" >&2
    exit 2
    ;;
esac

if [ -d "$media_root" ]; then
  tar -czf "$dest/media.tar.gz" -C "$media_root" .
fi
if [ -d "$private_root" ]; then
  tar -czf "$dest/private.tar.gz" -C "$private_root" .
fi
(cd "$dest" && sha256sum ./* > SHA256SUMS)

# Retention: whole dated folders older than the limit.
find "$dest_root" -mindepth 1 -maxdepth 1 -type d -mtime +"$keep_days" -exec rm -rf {} +
echo "$dest"
