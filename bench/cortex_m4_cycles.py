#!/usr/bin/env python3
"""Estimated Cortex-M4 cycles of a probe's timed function, from an instruction trace.

QEMU counts instructions, not cycles; a Cortex-M4 spends more than one cycle on loads, taken
branches, load-multiples and VFMA (3 cycles: GCC's cortex-m4-fpu pipeline model says so too). This
reads the edges of QEMU's trace (`-singlestep -d exec,nochain`: each executed instruction's address),
as "previous current count" lines on stdin, and the ELF's disassembly, and prices every instruction
executed inside FUNCTION and what it calls with the documented cycle counts of the Cortex-M4
(the processor's instruction set summary, zero wait states):
  1       data processing, multiplies (MUL, MLA, SMULL, SMLAL, SMLAD), SXTB16, IT, not-taken branches,
          VADD, VMUL, VMOV, VCVT, VCMP
  2       a single LDR/STR; 1 when it follows another (their address and data phases pipeline); VLDR, VSTR
  1+N     LDM, STM, PUSH, POP, VLDM, VSTM, VPUSH, VPOP (N registers), + P when POP or LDM loads the PC
  1+P     taken branches, BL, BX; P, the pipeline refill, is 1 to 3: counted as 2
  3       VFMA, VFMS, VMLA, VMLS (and their negated forms)
  14      VDIV, VSQRT; 2 to 12 for SDIV, UDIV: counted as 7
Usage: cortex_m4_cycles.py ELF FUNCTION_PREFIX < edges (FUNCTION_PREFIX: the start of one function's
symbol, e.g. _Z5infer). Prints instructions=<per call> and cycles=<per call> (calls: executions of the
function's first instruction).
"""
import re
import subprocess
import sys

REFILL = 2


def disassemble(elf):
    text = subprocess.run(["arm-none-eabi-objdump", "-d", "--no-show-raw-insn", elf], capture_output=True,
                          text=True, check=True).stdout
    raw = subprocess.run(["arm-none-eabi-objdump", "-d", elf], capture_output=True, text=True, check=True).stdout
    sizes = {}
    for line in raw.splitlines():
        m = re.match(r"^\s+([0-9a-f]+):\s+([0-9a-f]{4})( [0-9a-f]{4})?\s", line)
        if m:
            sizes[int(m.group(1), 16)] = 4 if m.group(3) else 2
    functions, instructions, current = {}, {}, None
    for line in text.splitlines():
        m = re.match(r"^([0-9a-f]+) <(.*)>:", line)
        if m:
            current = m.group(2)
            functions[current] = int(m.group(1), 16)
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(\S+)\s*(.*)$", line)
        if m and current:
            address = int(m.group(1), 16)
            instructions[address] = (current, m.group(2), m.group(3), sizes.get(address, 2))
    return functions, instructions


def reachable(functions, instructions, root):
    called = {name for name in functions if name == root}
    todo = list(called)
    while todo:
        name = todo.pop()
        for function, mnemonic, operands, _ in instructions.values():
            if function != name or not mnemonic.startswith("bl"):
                continue
            m = re.search(r"<([^>+]+)>", operands)
            if m and m.group(1) in functions and m.group(1) not in called:
                called.add(m.group(1))
                todo.append(m.group(1))
    return called


def base_mnemonic(mnemonic):
    return mnemonic.split(".")[0]


SINGLE_MEMORY = re.compile(r"^(ldr|str)(b|h|sb|sh)?(ex|t)?(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)?$")


def is_single_memory(mnemonic):
    return bool(SINGLE_MEMORY.match(base_mnemonic(mnemonic)))


def register_count(operands):
    m = re.search(r"\{([^}]*)\}", operands)
    if not m:
        return 1
    count = 0
    for part in m.group(1).split(","):
        part = part.strip()
        r = re.match(r"^[rsd](\d+)-[rsd](\d+)$", part)
        count += int(r.group(2)) - int(r.group(1)) + 1 if r else 1
    return count


def cycles(mnemonic, operands, taken):
    """Of an instruction other than a single load or store (those are priced by what precedes them)."""
    name = base_mnemonic(mnemonic)
    if name in ("ldrd", "strd"):
        return 3
    if re.match(r"^(ldm|stm|push|pop)", name):
        return 1 + register_count(operands) + (REFILL if "pc" in operands and name.startswith(("ldm", "pop")) else 0)
    if re.match(r"^(vldm|vstm|vpush|vpop)", name):
        return 1 + register_count(operands)
    if name in ("vldr", "vstr"):
        return 2
    if name in ("vfma", "vfms", "vfnma", "vfnms", "vmla", "vmls", "vnmla", "vnmls"):
        return 3
    if name in ("vdiv", "vsqrt"):
        return 14
    if name in ("sdiv", "udiv"):
        return 7
    if name in ("b", "bl", "blx", "bx", "cbz", "cbnz") or re.match(r"^b(eq|ne|cs|cc|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)$", name):
        return 1 + REFILL if taken else 1
    if name == "mov" and operands.startswith("pc"):
        return 1 + REFILL
    return 1


def main():
    elf, prefix = sys.argv[1], sys.argv[2]
    functions, instructions = disassemble(elf)
    roots = [name for name in functions if name.startswith(prefix)]
    if len(roots) != 1:
        sys.exit(f"cortex_m4_cycles.py: {len(roots)} functions named {prefix}... in {elf}")
    root = roots[0]
    counted = reachable(functions, instructions, root)
    inside = lambda address: address in instructions and instructions[address][0] in counted
    total_instructions = total_cycles = calls = 0
    # Each executed instruction is the source of one edge and the target of one: a branch is priced
    # on its way out (taken or not), a load or store on its way in (after another one or not).
    for line in sys.stdin:
        fields = line.split()
        if len(fields) != 3:
            continue
        source, target, count = int(fields[0], 16), int(fields[1], 16), int(fields[2])
        if target == functions[root]:
            calls += count
        if inside(source):
            _, mnemonic, operands, size = instructions[source]
            total_instructions += count
            if not is_single_memory(mnemonic):
                total_cycles += count * cycles(mnemonic, operands, target != source + size)
        if inside(target) and is_single_memory(instructions[target][1]):
            after_memory = source in instructions and is_single_memory(instructions[source][1])
            total_cycles += count * (1 if after_memory else 2)
    if calls == 0:
        sys.exit(f"cortex_m4_cycles.py: {root} never ran")
    print(f"instructions={total_instructions / calls:.1f}")
    print(f"cycles={total_cycles / calls:.1f}")


if __name__ == "__main__":
    main()
