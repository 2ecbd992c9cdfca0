#!/usr/bin/env python3
"""diff_fuzz.py SEED COUNT: differential fuzzing of goro-viz's parser against
`go build`. Mutates the valid programs in tests/parse/valid (insert/delete a
few tokens or bytes), runs both, and where go's output holds only parser-stage
errors (syntax and lexical), requires the same lines. Differing cases are kept
in /tmp/goro-difffuzz (NAME.go, .want, .got). Needs go and cc."""
import glob, os, random, re, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
out = '/tmp/goro-difffuzz'
os.makedirs(out, exist_ok=True)
drv = os.path.join(tempfile.mkdtemp(), 'cdump')
subprocess.run(['cc', '-std=c11', '-D_DEFAULT_SOURCE', '-O1', '-I' + root + '/sim', here + '/oracle/cdump.c']
               + glob.glob(root + '/sim/*.c') + ['-lm', '-o', drv], check=True)
srcs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob(here + '/valid/*.go'))]
pieces = ['{', '}', '(', ')', '[', ']', ',', ';', '\n', ':=', '=', '<-', 'chan', 'func', 'if', 'for',
          'range', 'type', '...', '.', '"', "'", '`', '/*', 'x', '0x', '1e', '_', 'case', 'default',
          'select', 'switch', 'go', 'defer', 'struct', 'interface', 'map', '*', '&', 'var', 'const',
          'else', 'return', ':', '++', '+=', '!', '1', '"s"', 'import', 'package', '@', '\\']
parserish = re.compile(r"syntax error|expected '|newline in|not terminated|invalid character|illegal|"
                       r"escape|no digits|must separate|rune literal|radix|exponent|mantissa|BOM|"
                       r"must not be parenthesized|must be function call|3-index|receiver|"
                       r"type parameter|must have no|too many errors")
token_re = re.compile(r'[A-Za-z_][A-Za-z_0-9]*|[0-9][0-9a-zA-Z_.]*|"(?:[^"\\\n]|\\.)*"|`[^`]*`|\'(?:[^\'\\\n]|\\.)*\'|'
                      r'<<=|>>=|&\^=|\.\.\.|[-+*/%&|^<>=!:]=|&&|\|\||<-|\+\+|--|<<|>>|&\^|[^\s]')
env = dict(os.environ, GO111MODULE='off')
same = diff = skipped = 0
os.chdir(out)
for i in range(count):
    s = random.choice(srcs)
    for _ in range(random.randint(1, 3)):
        r = random.random()
        if r < 0.5:  # byte-level: insert a piece or delete a few bytes
            k = random.randint(0, len(s))
            if r < 0.25:
                s = s[:k] + random.choice(pieces) + s[k:]
            else:
                s = s[:k] + s[k + random.randint(1, 6):]
        else:  # token-level: drop, repeat or replace one token
            toks = [m.span() for m in token_re.finditer(s)]
            a, b = random.choice(toks)
            if r < 0.7:
                s = s[:a] + s[b:]
            elif r < 0.85:
                s = s[:b] + ' ' + s[a:b] + s[b:]
            else:
                s = s[:a] + random.choice(pieces) + s[b:]
    name = 'f%d.go' % i
    with open(name, 'w', encoding='utf-8') as f:
        f.write(s)
    g = subprocess.run(['go', 'build', '-o', '/dev/null', name], capture_output=True, text=True, env=env)
    lines = [l[2:] if l.startswith('./') else l for l in g.stderr.splitlines() if not l.startswith('#')]
    if not lines or not all(parserish.search(l) or l.startswith('\t') for l in lines):
        skipped += 1
        os.remove(name)
        continue
    got = subprocess.run([drv, '-e', name], capture_output=True, text=True).stdout.splitlines()
    # diag.c prints "too many errors" at the 11th error and only if there is
    # one; go at the 10th, as soon as there are 10: compare without it
    strip = lambda ls: [l for l in ls if not l.endswith(': too many errors')]
    if strip(got) == strip(lines):
        same += 1
        os.remove(name)
    else:
        diff += 1
        open(name + '.want', 'w').write('\n'.join(lines) + '\n')
        open(name + '.got', 'w').write('\n'.join(got) + '\n')
        print('differs:', os.path.join(out, name))
print('same', same, 'differ', diff, 'skipped (type errors)', skipped)
sys.exit(1 if diff else 0)
