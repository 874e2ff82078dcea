#!/bin/sh
# embed-templates.sh OUTPUT.swift TEMPLATE.mustache…: the Swift source of Templates.builtIn, each
# file's bytes as base64 (exact, and nothing to escape), keyed by its name without the extension.
# Run by the EmbedTemplates plugin whenever a file of templates/ is added, removed or changed.
set -eu
output=$1
shift
mkdir -p "$(dirname "$output")"
next=$output.next.$$
trap 'rm -f "$next"' EXIT
{
  echo "// Generated at build time by scripts/embed-templates.sh from templates/: do not edit; change the templates there."
  echo
  echo "extension Templates {"
  echo "    /// The text of every file of templates/ when this binary was built, by name without \`.mustache\`:"
  echo "    /// the templates used where no folder replaces them, and what \`templates export\` writes out."
  echo "    public static let builtIn: [String: String] = decodingBase64(["
  [ $# -gt 0 ] || echo "        :"
  for file in "$@"; do
    name=$(basename "$file" .mustache)
    case $name in
      *[!A-Za-z0-9._-]*) echo "embed-templates.sh: error: '$file': a template's name may hold only letters, digits, '.', '_' and '-'" >&2; exit 1 ;;
    esac
    printf '        "%s": "%s",\n' "$name" "$(base64 < "$file" | tr -d '\n')"
  done
  echo "    ])"
  echo "}"
} > "$next"
mv "$next" "$output"
