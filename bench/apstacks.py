#!/usr/bin/env python3
"""Where the CPU goes in async-profiler's collapsed stacks, one file per profile: a cold start
(bench/coldstart.py stops the process at its mark) or, with AP=1 in server-ab.sh / proxy-ab.sh, a
counted step. Milliseconds per profile (1 sample = 1 ms with interval=1ms) by thread, by what the
sampled frame does (kernel, JVM internals, Java) and by activities a stack contains (class
loading, indy linkage, page faults...). JFR sees neither the JVM's own threads nor the kernel.

Usage: apstacks.py DIR PREFIX [TOP]   reads DIR/PREFIX-*.collapsed, made with e.g.
  java -agentpath:/path/libasyncProfiler.so=start,event=cpu,interval=1ms,threads,collapsed,file=DIR/ours-%p.collapsed ..."""
import glob, re, sys, collections
d, prefix = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
files = sorted(glob.glob("%s/%s-*.collapsed" % (d, prefix)))
n = len(files)

def thread(t):
    t = re.sub(r"\s*tid=\d+\]$", "", t).lstrip("[")
    if t.startswith("DestroyJavaVM") or t == "main": return "main"
    if t.startswith("C1 Compiler"): return "C1 compiler"
    if t.startswith("C2 Compiler"): return "C2 compiler"
    if re.match(r"(GC Thread|G1 |VM Periodic|VM Thread)", t): return "GC + VM thread"
    if t.startswith("MessageProcessorThread") or t.startswith("ucma-worker") or t.startswith("registrar"): return "SIP stack"
    if t == "" : return "(unnamed native)"
    return re.sub(r"\d+$", "N", t)

# A stack that ends in the kernel: the system call it came through decides (else "kernel: other")
KERNEL = [
    ("kernel: page fault", r"asm_exc_page_fault"),
    ("kernel: futex/sched", r"futex|schedule_\[k\]|sched_yield|__lll_lock"),
    ("kernel: mmap/munmap/madvise/mprotect", r"mmap|munmap|madvise|mprotect"),
    ("kernel: file read/open/stat", r"__GI_read|__libc_read|openat|__open|stat|readlink|getdents|pread"),
    ("kernel: socket/X11 I/O", r"sock_|unix_stream|__libc_write|writev|__GI___poll|recvmsg|sendmsg"),
]
# Otherwise leaf-first: the first frame (from the leaf) matching decides the "self" category
SELF = KERNEL + [
    ("kernel: other", r"_\[k\]$"),
    ("GC", r"^G1|^GC|G1ParScan|G1RemSet|G1CollectedHeap|G1Barrier|oop_iterate|Scavenge|PSPromotion"),
    ("JVM: class parse (not from CDS)", r"^ClassFileParser|ClassLoader::load_class|KlassFactory::create_from_stream"),
    ("JVM: CDS/shared class load", r"load_shared_class|restore_unshareable|SystemDictionaryShared|FileMapInfo|MetaspaceShared|ArchiveHeap|HeapShared|lookup_shared"),
    ("JVM: link/verify/rewrite", r"^Rewriter|Verifier|link_class|initialize_impl|vtable|itable|ClassVerifier|StackMap|Method::link_method|AdapterHandler"),
    ("JVM: C1 compile", r"^Compilation|^LinearScan|^GraphBuilder|^Compiler::|^ciEnv|^ci[A-Z]|^LIR|^BlockBegin|^Instruction|^NullCheck|^Optimizer|^ValueStack|^Canonicalizer|^CodeBuffer|^nmethod|^CompileBroker|^IR::|^FrameMap|^Runtime1"),
    ("JVM: lookup/resolve (dictionary, symbols, constant pool)", r"^SystemDictionary|^Dictionary|^SymbolTable|^ConstantPool|^LinkResolver|^InstanceKlass::find|^StringTable|^InterpreterRuntime::resolve|^vmSymbols|^Symbol::"),
    ("JVM: method handles/indy", r"MethodHandles|^java/lang/invoke|LambdaForm|InnerClassLambdaMetafactory|jdk/internal/org/objectweb"),
    ("interpreter", r"^Interpreter$|^InterpreterRuntime"),
    ("JVM: other native", r"::"),
    ("libc (malloc/memcpy/...)", r"^__|^_int_|malloc|^getc|^syscall|^pthread|^sysmalloc|^__tls"),
    ("native libs (X11, freetype, awt, zip)", r"\.so|^Java_|^TT_|^FT_|^X[A-Z]|^_X"),
    ("Java code (JITted or interpreted frames)", r"[a-z]/.*\.|^\[no_Java_frame\]|adapters|vtable stub|itable stub|StubRoutines"),
]
# inclusive: the stack contains a frame matching
INCL = [
    ("class loading (any: CDS + parse + define + loaders in Java)", r"^SystemDictionary::load_instance_class|^SystemDictionary::resolve_instance_class|ClassLoader.loadClass|ClassLoader.defineClass|^jvm_define_class|^JVM_DefineClass|^SystemDictionary::load_shared"),
    ("class linking (link_class, verify, rewrite)", r"^InstanceKlass::link_class|^Verifier|^Rewriter"),
    ("class init (<clinit>)", r"^InstanceKlass::initialize|call_class_initializer|\.<clinit>$"),
    ("CDS (shared class restore)", r"load_shared_class|restore_unshareable|SystemDictionaryShared"),
    ("resolution (constant pool, indy, linkresolver)", r"^InterpreterRuntime::resolve|^LinkResolver|^ConstantPool::"),
    ("method handles / lambda forms (Java side)", r"java/lang/invoke/|LambdaMetafactory"),
    ("jar/zip reading", r"java/util/zip|java/util/jar|ZipFile|zipfs|jdk/nio/zipfs"),
    ("page faults", r"asm_exc_page_fault"),
    ("futex/scheduling", r"futex|schedule_\[k\]"),
    ("mmap/madvise", r"mmap|madvise|munmap"),
    ("GC", r"^G1|^GC Thread|G1CollectedHeap"),
]
kernel_re = [(c, re.compile(r)) for c, r in KERNEL]
self_re = [(c, re.compile(r)) for c, r in SELF]
incl_re = [(c, re.compile(r)) for c, r in INCL]
by_thread = collections.Counter(); by_self = collections.Counter(); by_ts = collections.Counter()
incl = collections.Counter(); incl_t = collections.Counter(); leaf = collections.Counter(); total = 0
for f in files:
    for line in open(f, errors="replace"):
        line = line.rstrip("\n")
        stack, _, cnt = line.rpartition(" ")
        cnt = int(cnt); frames = stack.split(";")
        t = thread(frames[0]) if frames[0].startswith("[") else "(no thread)"
        frames = frames[1:] if frames[0].startswith("[") else frames
        total += cnt; by_thread[t] += cnt
        cat = "unclassified"
        k = len(frames)
        while k > 0 and frames[k - 1].endswith("_[k]"): k -= 1
        if k < len(frames):
            ktail = ";".join(frames[max(0, k - 1):])
            cat = "kernel: other"
            for c, r in kernel_re:
                if r.search(ktail): cat = c; break
        for fr in ([] if cat != "unclassified" else reversed(frames)):
            for c, r in self_re:
                if r.search(fr): cat = c; break
            if cat != "unclassified": break
        by_self[cat] += cnt; by_ts[(t, cat)] += cnt; leaf[frames[-1] if frames else "?"] += cnt
        seen = set()
        for c, r in incl_re:
            if any(r.search(fr) for fr in frames): seen.add(c)
        for c in seen: incl[c] += cnt; incl_t[(t, c)] += cnt
pm = lambda x: "%7.1f" % (x / n)
print("## %s: %d profiles, %.0f ms CPU sampled per profile" % (prefix, n, total / n))
print("\n# by thread (ms per profile)")
for t, c in by_thread.most_common(): print(pm(c), t)
print("\n# by what the leaf does (ms per profile), then the threads it is on")
for c, v in by_self.most_common():
    parts = ", ".join("%s %.0f" % (t, by_ts[(t, c)] / n) for t in sorted(by_thread, key=lambda t: -by_ts[(t, c)]) if by_ts[(t, c)] / n >= 5)
    print(pm(v), c, " | ", parts)
print("\n# inclusive (a stack counted in every activity it contains; ms per profile)")
for c, v in incl.most_common():
    parts = ", ".join("%s %.0f" % (t, incl_t[(t, c)] / n) for t in sorted(by_thread, key=lambda t: -incl_t[(t, c)]) if incl_t[(t, c)] / n >= 5)
    print(pm(v), c, " | ", parts)
print("\n# top leaf frames")
for fr, v in leaf.most_common(top): print(pm(v), fr)
