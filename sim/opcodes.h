/* opcodes: every VM instruction, defined once (X-macro, after Wren's
 * wren_opcodes.h). Including code defines OP(name, format) and gets the enum,
 * the disassembler's names and formats, and the dispatch table from this one
 * list.
 *
 * Encoding (Instr, 64 bits): op:8 | A:16 | B:16 | C:16 | D:8, low to high;
 * Bx is the signed 32 bits that B and C occupy together (jumps, constants,
 * protos, globals, types). R[x] is register x of the current frame, K[x] a
 * constant of the current proto, T[x] runtime type x, G[x] global x, U[x]
 * upvalue x of the running closure. Jumps are relative to the next
 * instruction. "[shared]" marks a load or store of memory another goroutine
 * could reach: it passes the preemption hook (a counter decrement) first.
 * An EXTRA word (type operand) follows the instructions marked "+X".
 *
 * Formats: N (none), A, AB, ABC, ABCD, ABx.
 */
#ifndef GORO_OPCODES_H
#define GORO_OPCODES_H

#define VM_OPCODES(OP)                                                                  \
    OP(NOP, N)        /* nothing */                                                     \
    OP(EXTRA, ABx)    /* operand word of the instruction before; never executed */     \
    /* moves and constants */                                                           \
    OP(MOVE, AB)      /* R[A] = R[B] (aggregates: shares the object; see CLONE) */     \
    OP(LOADK, ABx)    /* R[A] = K[Bx] */                                                \
    OP(LOADI, ABx)    /* R[A] = int Bx */                                               \
    OP(LOADNIL, A)    /* R[A] = nil / 0 / false / "" */                                 \
    OP(ZERO, ABx)     /* R[A] = zero value of T[Bx] (a fresh object for struct/array) */\
    OP(CLONE, AB)     /* R[A] = fresh deep copy of aggregate R[B] */                    \
    OP(ASSIGN, AB)    /* aggregate R[A] = contents of R[B], in place (keeps identity) */\
    /* globals, upvalues, cells (boxed variables) */                                    \
    OP(GETG, ABx)     /* R[A] = G[Bx]  [shared] */                                      \
    OP(SETG, ABx)     /* G[Bx] = R[A]  [shared] */                                      \
    OP(GETU, AB)      /* R[A] = U[B] (the captured cell or aggregate itself) */         \
    OP(NEWCELL, AB)   /* R[A] = new cell holding R[B]; as a pointer it is &cell */      \
    OP(LOADC, AB)     /* R[A] = contents of cell R[B]  [shared]; D = 1: of cell U[B] */ \
    OP(STOREC, AB)    /* contents of cell R[A] = R[B]  [shared]; D = 1: of cell U[A] */ \
                      /* (D = 1 only without a memory hook: race.c decodes D = 0) */    \
    /* integer arithmetic: 64-bit two's complement; TRUNC narrows */                    \
    OP(ADD, ABC)      /* R[A] = R[B] + R[C] */                                          \
    OP(SUB, ABC)      /* R[A] = R[B] - R[C] */                                          \
    OP(MUL, ABC)      /* R[A] = R[B] * R[C] */                                          \
    OP(DIV, ABC)      /* R[A] = R[B] / R[C] signed; panics on 0 */                      \
    OP(MOD, ABC)      /* R[A] = R[B] % R[C] signed; panics on 0 */                      \
    OP(DIVU, ABC)     /* R[A] = R[B] / R[C] unsigned; panics on 0 */                    \
    OP(MODU, ABC)     /* R[A] = R[B] % R[C] unsigned; panics on 0 */                    \
    OP(AND, ABC)      /* R[A] = R[B] & R[C] */                                          \
    OP(OR, ABC)       /* R[A] = R[B] | R[C] */                                          \
    OP(XOR, ABC)      /* R[A] = R[B] ^ R[C] */                                          \
    OP(ANDNOT, ABC)   /* R[A] = R[B] &^ R[C] */                                         \
    OP(SHL, ABCD)     /* R[A] = R[B] << R[C]; count >= 64 gives 0; < 0 panics unless */ \
                      /* D = 1 (an unsigned count) */                                   \
    OP(SHR, ABCD)     /* R[A] = R[B] >> R[C] arithmetic; count as SHL */                \
    OP(SHRU, ABCD)    /* R[A] = R[B] >> R[C] logical; count as SHL */                   \
    OP(NEG, AB)       /* R[A] = -R[B] */                                                \
    OP(BNOT, AB)      /* R[A] = ^R[B] */                                                \
    OP(NOT, AB)       /* R[A] = !R[B] */                                                \
    OP(ADDI, ABC)     /* R[A] = R[B] + int16(C) */                                      \
    OP(MULK, ABC)     /* R[A] = R[B] * K[C] */                                          \
    OP(DIVK, ABC)     /* R[A] = R[B] / K[C] signed; K[C] is a nonzero constant */       \
    OP(MODK, ABC)     /* R[A] = R[B] % K[C] signed; K[C] is a nonzero constant */       \
    OP(TRUNC, ABCD)   /* R[A] = R[B] narrowed to kind D (RK_INT8..RK_UINT32) */         \
    /* floating point */                                                                \
    OP(FADD, ABC)     /* R[A] = R[B] + R[C] */                                          \
    OP(FSUB, ABC)     /* R[A] = R[B] - R[C] */                                          \
    OP(FMUL, ABC)     /* R[A] = R[B] * R[C] */                                          \
    OP(FDIV, ABC)     /* R[A] = R[B] / R[C] (IEEE: no panic) */                         \
    OP(FNEG, AB)      /* R[A] = -R[B] */                                                \
    OP(F32, AB)       /* R[A] = R[B] rounded to float32 precision */                    \
    OP(ITOF, ABCD)    /* R[A] = float(R[B]); D=1: R[B] is unsigned */                   \
    OP(FTOI, ABCD)    /* R[A] = int(R[B]) truncated toward 0, narrowed to kind D */     \
    /* comparisons: R[A] = bool */                                                      \
    OP(EQ, ABC)       /* R[A] = R[B] == R[C] (ints, bools, pointers: word and ref) */   \
    OP(NE, ABC)       /* R[A] = R[B] != R[C] (as EQ) */                                 \
    OP(LT, ABC)       /* R[A] = R[B] < R[C] signed */                                   \
    OP(LE, ABC)       /* R[A] = R[B] <= R[C] signed */                                  \
    OP(LTU, ABC)      /* R[A] = R[B] < R[C] unsigned */                                 \
    OP(LEU, ABC)      /* R[A] = R[B] <= R[C] unsigned */                                \
    OP(FEQ, ABC)      /* R[A] = R[B] == R[C] float */                                   \
    OP(FNE, ABC)      /* R[A] = R[B] != R[C] float */                                   \
    OP(FLT, ABC)      /* R[A] = R[B] < R[C] float */                                    \
    OP(FLE, ABC)      /* R[A] = R[B] <= R[C] float */                                   \
    OP(SEQ, ABC)      /* R[A] = R[B] == R[C] strings */                                 \
    OP(SNE, ABC)      /* R[A] = R[B] != R[C] strings */                                 \
    OP(SLT, ABC)      /* R[A] = R[B] < R[C] strings (bytewise) */                       \
    OP(SLE, ABC)      /* R[A] = R[B] <= R[C] strings */                                 \
    OP(EQV, ABC)      /* R[A] = R[B] == R[C] compared as T[X] (structs, arrays, ifaces) +X */ \
    /* control */                                                                       \
    OP(JMP, ABx)      /* pc += Bx (backward jumps count against the budget) */          \
    OP(JT, ABx)       /* if R[A] then pc += Bx */                                       \
    OP(JF, ABx)       /* if !R[A] then pc += Bx */                                      \
    OP(BLT, ABC)      /* if R[A] < R[B] (signed) then pc += int16(C) (loop bottoms) */  \
    OP(BLE, ABC)      /* if R[A] <= R[B] (signed) then pc += int16(C) */                \
    OP(BLTK, ABC)     /* if R[A] < K[B] (signed) then pc += int16(C) */                 \
    OP(BLEK, ABC)     /* if R[A] <= K[B] (signed) then pc += int16(C) */                \
    OP(BGTK, ABC)     /* if R[A] > K[B] (signed) then pc += int16(C) */                 \
    OP(BGEK, ABC)     /* if R[A] >= K[B] (signed) then pc += int16(C) */                \
    OP(CALL, ABC)     /* R[A..A+C-1] = R[A](R[A+1..A+B]) */                             \
    OP(RET, AB)       /* return R[A..A+B-1] to the caller */                            \
    OP(CLOSURE, ABx)  /* R[A] = closure of proto P[Bx] capturing its upvalue list */   \
    OP(DEFER, AB)     /* defer R[A](R[A+1..A+B]): arguments evaluated now */            \
    OP(GO, AB)        /* go R[A](R[A+1..A+B]): vm->spawned = the new goroutine, and */ \
                      /* vm_run returns VM_SPAWNED after it (a scheduling point) */     \
    OP(RUNDEFERS, N)  /* run the frame's deferred calls, newest first; then go on */   \
    OP(PANIC, A)      /* panic(R[A]), R[A] an interface value */                        \
    OP(RECOVER, A)    /* R[A] = recover() */                                            \
    /* strings */                                                                       \
    OP(CONCAT, ABC)   /* R[A] = R[B] + R[C] */                                          \
    OP(SINDEX, ABC)   /* R[A] = R[B][R[C]] (a byte); bounds checked */                  \
    OP(NEXTRUNE, ABC) /* R[A] = rune of R[B] at byte R[C], R[A+1] = its width */        \
    OP(RUNESTR, AB)   /* R[A] = string(rune R[B]) */                                    \
    OP(STOBYTES, ABC) /* R[A] = []byte(R[B]) as T[C] */                                 \
    OP(BYTESTOS, AB)  /* R[A] = string(R[B] []byte) */                                  \
    OP(STORUNES, ABC) /* R[A] = []rune(R[B]) as T[C] */                                 \
    OP(RUNESTOS, AB)  /* R[A] = string(R[B] []rune) */                                  \
    /* aggregates, pointers, slices */                                                  \
    OP(LEN, ABCD)     /* R[A] = len(R[B]); D: 0 string, 1 slice, 2 map, 3 array, 4 chan */ \
    OP(CAP, ABCD)     /* R[A] = cap(R[B]); D: 1 slice, 3 array, 4 chan */               \
    OP(GETF, ABC)     /* R[A] = R[B].field C (R[B] struct or pointer to it)  [shared] */\
    OP(SETF, ABC)     /* R[A].field B = R[C]  [shared] */                               \
    OP(FIELDPTR, ABC) /* R[A] = &R[B].field C (scalar field) */                         \
    OP(GETE, ABC)     /* R[A] = array R[B][R[C]], bounds checked  [shared] */           \
    OP(SETE, ABC)     /* array R[A][R[B]] = R[C], bounds checked  [shared] */           \
    OP(ELEMPTR, ABC)  /* R[A] = &array R[B][R[C]] (scalar element) */                  \
    OP(SGET, ABC)     /* R[A] = slice R[B][R[C]], bounds checked  [shared] */           \
    OP(SSET, ABC)     /* slice R[A][R[B]] = R[C], bounds checked  [shared] */           \
    OP(SELEMPTR, ABC) /* R[A] = &slice R[B][R[C]] (scalar element) */                  \
    OP(NILCHK, A)     /* panic if pointer R[A] is nil */                                \
    OP(LOAD, AB)      /* R[A] = *R[B] (scalar pointee)  [shared] */                     \
    OP(STORE, AB)     /* *R[A] = R[B] (scalar pointee)  [shared] */                     \
    OP(SLICE, ABCD)   /* R[A] = R[B][R[C]:R[C+1]:R[C+2]]; D: 1 lo 2 hi 4 max, 8 string, 16 array */ \
    OP(MAKESLICE, ABC)/* R[A] = make(T[X], R[B], R[C]) +X */                           \
    OP(SLICELIT, ABC) /* R[A] = T[X]{R[B..B+C-1]} +X */                                 \
    OP(APPEND, ABC)   /* R[A] = append(R[A], R[B..B+C-1]) as T[X] +X */                 \
    OP(APPENDSL, AB)  /* R[A] = append(R[A], R[B]...) as T[X] (R[B] slice or string) +X */ \
    OP(COPY, ABC)     /* R[A] = copy(R[B], R[C]) (R[C] slice or string) */              \
    /* maps */                                                                          \
    OP(MAKEMAP, AB)   /* R[A] = make(T[X], hint R[B]) +X */                             \
    OP(MGET, ABC)     /* R[A] = R[B][R[C]] (zero if absent) as T[X]  [shared] +X */     \
    OP(MGET2, ABC)    /* R[A], R[A+1] = R[B][R[C]] with comma-ok  [shared] +X */        \
    OP(MSET, ABC)     /* R[A][R[B]] = R[C]; nil map panics  [shared] */                 \
    OP(MDEL, AB)      /* delete(R[A], R[B])  [shared] */                                \
    OP(MITER, AB)     /* R[A] = iterator over map R[B] in an order drawn from the PRNG */\
    OP(MNEXT, AB)     /* R[A] = more?, R[A+1] = key, R[A+2] = value of iterator R[B] [shared] */ \
    /* channels: an operation that cannot proceed leaves pc on itself and    */ \
    /* returns VM_BLOCKED (g->wait says why); resuming re-executes it         */ \
    OP(MAKECHAN, AB)  /* R[A] = make(T[X], R[B]) +X */                                  \
    OP(SEND, AB)      /* R[A] <- R[B]  [shared] */                                      \
    OP(RECV, AB)      /* R[A] = <-R[B]  [shared] */                                     \
    OP(RECV2, AB)     /* R[A], R[A+1] = <-R[B] with comma-ok  [shared] */               \
    OP(CLOSE, A)      /* close(R[A]) */                                                 \
    OP(SELECT, ABCD)  /* R[A] = chosen case of C (ch R[B+2i], send value R[B+2i+1]);  */ \
                      /* recv: R[A+1], R[A+2] = value, ok; -1 = default (D=1); +X    */ \
                      /* bit i of X set: case i sends. Ready cases drawn from PRNG   */ \
    /* interfaces */                                                                    \
    OP(BOX, ABC)      /* R[A] = interface holding R[B] of dynamic type T[C] */          \
    OP(ASSERT, ABC)   /* R[A] = R[B].(T[C]); panics on mismatch */                      \
    OP(ASSERT2, ABC)  /* R[A], R[A+1] = R[B].(T[C]) with comma-ok */                    \
    OP(TYPEIS, ABC)   /* R[A] = R[B] holds T[C] (C = 0xffff: R[B] is nil) */            \
    OP(METHOD, ABC)   /* R[A] = method name C of R[B]'s dynamic type, R[A+1] = receiver */\
    /* trace names (sched.h) */                                                       \

typedef enum VmOp {
#define OP_ENUM(name, fmt) OP_##name,
    VM_OPCODES(OP_ENUM)
#undef OP_ENUM
        OP__COUNT
} VmOp;

#endif
