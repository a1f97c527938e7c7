# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_policydiff_global_optspecs
    string join \n versions= color= width= max-file-size= h/help V/version
end

function __fish_policydiff_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_policydiff_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_policydiff_using_subcommand
    set -l cmd (__fish_policydiff_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c policydiff -n "__fish_policydiff_needs_command" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_needs_command" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_needs_command" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_needs_command" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_needs_command" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_needs_command" -s V -l version -d 'Print version'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "list" -d 'List the versions in the store'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "show" -d 'Show one version\'s measures (or a summary page\'s groups)'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "diff" -d 'Align two versions and report what changed'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "check" -d 'Check versions for inconsistencies'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "import" -d 'Turn extracted text into a snapshot draft'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "history" -d 'Follow every measure across a series of versions'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "git-diff" -d 'The diff driver for git: makes `git diff` (and `git log -p --ext-diff`) show snapshot.json changes measure by measure (set-up in the README)'
complete -c policydiff -n "__fish_policydiff_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c policydiff -n "__fish_policydiff_using_subcommand list" -l format -d 'How to print the list: a table, or JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand list" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand list" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand list" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand list" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand list" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l theme -d 'Only the measures of this theme' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l status -d 'Only the measures with this status (uncertain statuses count when the letter is among their candidates)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l measure -d 'Print this one measure in full' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l format -d 'A table, JSON, Markdown, or a self-contained HTML page' -r -f -a "table\t''
json\t''
markdown\t''
html\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -l force -d 'Replace FILE if it exists'
complete -c policydiff -n "__fish_policydiff_using_subcommand show" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l format -d 'Text (summary, table, word differences), JSON (docs/diff-format.md), Markdown for a pull-request comment, or a self-contained HTML page' -r -f -a "text\t''
json\t''
markdown\t''
html\t''
csv\t'One row per measure entry, for a spreadsheet, R or pandas'"
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l only -d 'Report only these change classes (comma-separated)' -r -f -a "added\t''
removed\t''
status\t''
text\t''
renumbered\t''
moved\t''
retitled\t''
split\t''
merged\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l theme -d 'Report only measures in this theme (old or new)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l pair -d 'Pair old measure OLD with new measure NEW, whatever the evidence (repeatable)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l unpair -d 'Never pair old measure OLD (report it removed, split or merged) (repeatable)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l mapping -d 'A JSON file of pairings: {"pair": [[OLD, NEW], …], "unpair": [OLD, …]}' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l stat -d 'Print only the summary line and the table of changes'
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l exit-code -d 'Exit with 1 when there are differences (0 otherwise)'
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -l force -d 'Replace FILE if it exists'
complete -c policydiff -n "__fish_policydiff_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l format -d 'Text grouped by file, JSON (docs/check-format.md), GitHub workflow annotations, Markdown, or a self-contained HTML page' -r -f -a "text\t''
json\t''
github\t''
markdown\t''
html\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l fail-on -d 'The least severity that makes the exit code 1' -r -f -a "error\t''
warning\t''
info\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l min-severity -d 'Leave out findings below this severity (GitHub shows only about ten annotations of a kind; `--min-severity warning` keeps them for what needs a change) [default: info, i.e. every finding]' -r -f -a "error\t''
warning\t''
info\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -l force -d 'Replace FILE if it exists'
complete -c policydiff -n "__fish_policydiff_using_subcommand check" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l kind -d 'What the text is' -r -f -a "programme\t''
summary\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l id -d 'The id of the new version (its folder name in the store)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l describes -d 'Summary pages: the id of the programme the page describes' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l title -d 'The version\'s title, where the text does not carry it (a PDF\'s cover)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l date -d 'The version\'s date, as YYYY-MM-DD' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l base -d 'An earlier version in the store to carry forward what the text does not say: statuses its marks leave open (as `deduced`, with a note), title, publishers, theme aims; ends with the differences from it' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l stdout -d 'Print the draft instead of writing it to the store'
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -l force -d 'Replace an existing version of that id'
complete -c policydiff -n "__fish_policydiff_using_subcommand import" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l git -d 'Every committed revision of this snapshot file, oldest first (labelled by commit date and short hash)' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l measure -d 'One lineage in full: measure N of the first version, or `N@VERSION` (N in that version, named by id or label)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l format -d 'Text (table and events), JSON (docs/history-format.md), CSV (one row per lineage), Markdown, or a self-contained HTML page' -r -f -a "text\t''
json\t''
csv\t''
markdown\t''
html\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l changed -d 'Only the measures that changed in more than their number at some point'
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -l force -d 'Replace FILE if it exists'
complete -c policydiff -n "__fish_policydiff_using_subcommand history" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_using_subcommand git-diff" -l versions -d 'The version store: a folder with one sub-folder per version [default: ./versions if it exists; the shipped versions are reachable by id from any store]' -r -F
complete -c policydiff -n "__fish_policydiff_using_subcommand git-diff" -l color -d 'When to colour the output: auto means only on a terminal, and not when NO_COLOR is set or TERM is dumb' -r -f -a "auto\t''
always\t''
never\t''"
complete -c policydiff -n "__fish_policydiff_using_subcommand git-diff" -l width -d 'The width text reports wrap to [default: the terminal\'s; when the output is not a terminal, $COLUMNS, else 100]' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand git-diff" -l max-file-size -d 'The largest file policydiff reads (snapshots, source texts, texts to import, mapping files): bytes, or with K, M or G (`200M`)' -r
complete -c policydiff -n "__fish_policydiff_using_subcommand git-diff" -s h -l help -d 'Print help'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "list" -d 'List the versions in the store'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "show" -d 'Show one version\'s measures (or a summary page\'s groups)'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "diff" -d 'Align two versions and report what changed'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "check" -d 'Check versions for inconsistencies'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "import" -d 'Turn extracted text into a snapshot draft'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "history" -d 'Follow every measure across a series of versions'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "git-diff" -d 'The diff driver for git: makes `git diff` (and `git log -p --ext-diff`) show snapshot.json changes measure by measure (set-up in the README)'
complete -c policydiff -n "__fish_policydiff_using_subcommand help; and not __fish_seen_subcommand_from list show diff check import history git-diff help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
