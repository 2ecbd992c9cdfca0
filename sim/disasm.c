/* disasm: human-readable bytecode listings (`goro-viz disasm`, debugging). */
#include "vm.h"

static const char *const op_names[] = {
#define OP_NAME(name, fmt) #name,
    VM_OPCODES(OP_NAME)
#undef OP_NAME
};

enum { F_N, F_A, F_AB, F_ABC, F_ABCD, F_ABx };
static const unsigned char op_formats[] = {
#define OP_FMT(name, fmt) F_##fmt,
    VM_OPCODES(OP_FMT)
#undef OP_FMT
};

const char *vm_op_name(int op) { return op >= 0 && op < OP__COUNT ? op_names[op] : "?"; }

/* print_const: a constant as it would read in source, briefly. */
static void print_const(const Vm *vm, Value v, FILE *out) {
    if (v.r && v.r->kind == GC_STRING) {
        fprintf(out, "\"%.*s\"", (int)vm_str_len(v), vm_str_data(v));
    } else if (v.r && v.r->kind == GC_CLOSURE) {
        fprintf(out, "func %s", ((ClosureObj *)v.r)->p->name);
    } else if (v.r) {
        fprintf(out, "obj");
    } else {
        fprintf(out, "%lld", (long long)v.i);
    }
}

void vm_disasm_proto(const Vm *vm, const Proto *p, FILE *out) {
    fprintf(out, "func %s: params %d results %d regs %d upvals %d\n", p->name, p->nparams, p->nresults,
            p->nregs, p->nupvals);
    if (p->native) {
        fprintf(out, "  (native)\n");
        return;
    }
    for (int pc = 0; pc < p->ncode; pc++) {
        Instr i = p->code[pc];
        int op = VM_OP(i);
        fprintf(out, "  %4d  line %-4d %-10s", pc, p->lines ? p->lines[pc] : 0, vm_op_name(op));
        switch (op < OP__COUNT ? op_formats[op] : F_N) {
        case F_N: break;
        case F_A: fprintf(out, " %d", VM_A(i)); break;
        case F_AB: fprintf(out, " %d %d", VM_A(i), VM_B(i)); break;
        case F_ABC: fprintf(out, " %d %d %d", VM_A(i), VM_B(i), VM_C(i)); break;
        case F_ABCD: fprintf(out, " %d %d %d %d", VM_A(i), VM_B(i), VM_C(i), VM_D(i)); break;
        case F_ABx: fprintf(out, " %d %d", VM_A(i), VM_BX(i)); break;
        }
        switch (op) {
        case OP_LOADK: fprintf(out, "\t; "), print_const(vm, p->k[VM_BX(i)], out); break;
        case OP_LOADC:
            if (VM_D(i)) fprintf(out, "\t; cell U[%d]", VM_B(i));
            break;
        case OP_STOREC:
            if (VM_D(i)) fprintf(out, "\t; cell U[%d]", VM_A(i));
            break;
        case OP_JMP:
        case OP_JT:
        case OP_JF: fprintf(out, "\t; to %d", pc + 1 + VM_BX(i)); break;
        case OP_BLT:
        case OP_BLE:
        case OP_BLTK:
        case OP_BLEK:
        case OP_BGTK:
        case OP_BGEK: fprintf(out, "\t; to %d", pc + 1 + (int16_t)VM_C(i)); break;
        case OP_EXTRA:
            if (pc > 0 && VM_OP(p->code[pc - 1]) == OP_SELECT) {
                fprintf(out, "\t; sending cases 0x%x", (unsigned)VM_BX(i));
                break;
            }
            /* fallthrough */
        case OP_ZERO:
            if (VM_BX(i) >= 0 && VM_BX(i) < vm->types.len) fprintf(out, "\t; %s", vm->types.items[VM_BX(i)]->str);
            break;
        case OP_CLOSURE:
            if (VM_BX(i) >= 0 && VM_BX(i) < vm->protos.len) fprintf(out, "\t; %s", vm->protos.items[VM_BX(i)]->name);
            break;
        case OP_METHOD:
            if (VM_C(i) < vm->names.len) fprintf(out, "\t; .%s", vm->names.items[VM_C(i)]);
            break;
        default: break;
        }
        fputc('\n', out);
    }
}
