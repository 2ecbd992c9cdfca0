/* vm_chan: channel objects and their non-blocking operations. Blocking is
 * not decided here: an operation that cannot proceed reports so, and the
 * dispatch loop parks the goroutine (VM_BLOCKED) for the scheduler.
 *
 * Invariants: 0 <= len <= cap; the queued values are buf[(head + i) % cap]
 * for i < len, in send order; an unbuffered channel (cap 0) never queues.
 */
#include "vm.h"

ChanObj *vm_chan_new(Vm *vm, const RType *t, int64_t cap) {
    ChanObj *c = (ChanObj *)vm_alloc(vm, GC_CHAN, sizeof(ChanObj));
    c->t = t;
    c->cap = cap;
    c->buf = mem_alloc(sizeof(Value) * (size_t)(cap ? cap : 1));
    return c;
}

int vm_chan_try_send(ChanObj *c, Value v) {
    if (c->closed) return -1;
    if (c->len == c->cap) return 0;
    c->buf[(c->head + c->len) % c->cap] = v;
    c->len++;
    return 1;
}

int vm_chan_try_recv(Vm *vm, ChanObj *c, Value *out, int *ok) {
    if (c->len > 0) {
        *out = c->buf[c->head];
        c->buf[c->head] = (Value){{0}, NULL};
        c->head = (c->head + 1) % c->cap;
        c->len--;
        *ok = 1;
        return 1;
    }
    if (!c->closed) return 0;
    *ok = 0;
    vm_push_root(vm, &c->h);
    *out = vm_zero(vm, c->t->elem);
    vm_pop_roots(vm, 1);
    return 1;
}
