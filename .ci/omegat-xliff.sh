#!/usr/bin/env bash
# omegat-xliff.sh XLIFF TMX|- WORK_DIR
#
# The XLIFF round trip through OmegaT 3.6 (Debian package omegat), headless: builds a fresh project in
# WORK_DIR/project (source nl, target en, sentence segmentation on) with XLIFF as its one source file and TMX,
# unless "-", as its tm/auto memory (OmegaT writes exact matches from tm/auto into the target), runs
# console-translate with a private config dir and prints the path of the translated XLIFF. OmegaT's XLIFF
# filter translates the text of each <target> <mrk mtype="seg">, keeping <source>, <seg-source>, <alt-trans>,
# <note> and every attribute as they were. Like ../shared/tools/omegat-translate.sh, which takes plain text only.
set -euo pipefail
die() { echo "omegat-xliff.sh: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || die "usage: omegat-xliff.sh XLIFF TMX|- WORK_DIR"
jar=${OMEGAT_JAR:-/usr/share/omegat/OmegaT.jar}
[[ -f $1 ]] || die "XLIFF not found: $1"
[[ $2 == - || -f $2 ]] || die "TMX not found: $2"
[[ -f $jar ]] || die "OmegaT jar not found: $jar (apt-get install -y omegat)"
mkdir -p -- "$3"
work=$(realpath -e -- "$3")
project=$work/project
name=$(basename -- "${1%.*}").xlf
rm -rf -- "$project" "$work/config"
# OmegaT 3.6 takes the argument for a project only when it holds omegat.project and an omegat/ folder.
mkdir -p -- "$project"/{omegat,source,target,tm/auto,glossary,dictionary} "$work/config"
cp -- "$1" "$project/source/$name"
[[ $2 == - ]] || cp -- "$2" "$project/tm/auto/$(basename -- "${2%.*}").tmx"
cat > "$project/omegat.project" <<PROJECT
<?xml version="1.0" encoding="UTF-8"?>
<omegat>
  <project version="1.0">
    <source_dir>source/</source_dir>
    <target_dir>target/</target_dir>
    <tm_dir>tm/</tm_dir>
    <glossary_dir>glossary/</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary/</dictionary_dir>
    <source_lang>${SRC_LANG:-nl}</source_lang>
    <target_lang>${TGT_LANG:-en}</target_lang>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
PROJECT
rc=0
( cd "$work" && timeout "${OMEGAT_TIMEOUT:-600}" java -Djava.awt.headless=true -Dfile.encoding=UTF-8 -jar "$jar" \
    --mode=console-translate --config-dir="$work/config" "$project" ) >"$work/omegat-console.log" 2>&1 || rc=$?
target=$project/target/$name
# OmegaT 3.6 can exit with 0 after a failure, so the log and the file are checked too.
if ((rc != 0)) || ! grep -q '^Finished' "$work/omegat-console.log" || [[ ! -s $target ]]; then
  echo "omegat-xliff.sh: OmegaT console-translate failed (exit $rc); the end of $work/omegat-console.log:" >&2
  grep -v PLUGIN_LOAD_OK "$work/omegat-console.log" | tail -n 25 >&2 || true
  exit 1
fi
echo "$target"
