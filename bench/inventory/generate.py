#!/usr/bin/env python3
"""Generates a synthetic, deterministic fleet of HOSTS x DOMAINS in two forms for the inventory benchmark.

  OUT/dumps/                 a dump directory (what `drover inventory DIR` reads, see DumpDirectory.java):
    fleet.yaml               defaults only
    host-NNNN/capabilities.xml, domcapabilities.xml, version.txt, hostname.txt, domains/<name>.xml
  OUT/testdriver/            libvirt test:/// node files
    node-NNNN.xml            one fake host with DOMAINS <domain type='test'> entries
    fleet.yaml               one host per node file, uri: test:///abs/path/node-NNNN.xml

Templates are the real captured documents in src/test/resources/libvirt/; per host the host UUID and hostname
change, per domain the name, UUID (everywhere it appears), memory and the number of extra data disks.
Everything derives from the host and domain indexes, so two runs produce identical files.
"""
import argparse
import os
import re
import shutil
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIBVIRT = os.path.join(ROOT, "src", "test", "resources", "libvirt")
NS = uuid.UUID("6b1f0b9e-3a52-4c1e-9d1b-2f6a8c0e4d17")

CAPS_UUID = "5f0c3e2a-7d41-4b8e-a6c2-19e07d3b8f64"

# (file, name in the file, UUID in the file, generated name prefix)
DOMAIN_TEMPLATES = [
    ("domain-nova-rbd-running.xml", "instance-000028ae", "0d7c2f4e-8a31-4b6d-9e52-c1a8f3b7d906", "instance-"),
    ("domain-local-chain-running.xml", "web-01", "3c7e9d8a-5b1f-4e2a-9c6d-0f1e2d3c4b5a", "web-"),
    ("domain-nova-host-passthrough.xml", "instance-0000a97f", "6d18a67b-6659-4a4b-b1e2-7d8ff19e50e7", "instance-"),
    ("domain-local-chain-defined.xml", "web-01", "3c7e9d8a-5b1f-4e2a-9c6d-0f1e2d3c4b5a", "app-"),
]

MEMORY_MIB = [512, 1024, 2048, 4096, 8192, 16384]


def read(name):
    with open(os.path.join(LIBVIRT, name), encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def host_name(h):
    return "host-%04d" % h


def guest_uuid(h, d):
    return str(uuid.uuid5(NS, "guest/%d/%d" % (h, d)))


def extra_disk(name, i):
    dev = "vd" + "cdefgh"[i]
    return ("    <disk type='file' device='disk'>\n"
            "      <driver name='qemu' type='qcow2' cache='none' discard='unmap'/>\n"
            "      <source file='/var/lib/libvirt/images/%s/data-%d.qcow2'/>\n"
            "      <target dev='%s' bus='virtio'/>\n"
            "    </disk>\n") % (name, i, dev)


def dump_domain(templates, h, d):
    file, old_name, old_uuid, prefix = DOMAIN_TEMPLATES[(h + d) % len(DOMAIN_TEMPLATES)]
    text = templates[file]
    new_uuid = guest_uuid(h, d)
    name = "%s%04d-%02d" % (prefix, h, d) if prefix != "instance-" else "instance-%08x" % (h * 1000 + d)
    kib = MEMORY_MIB[(h * 7 + d) % len(MEMORY_MIB)] * 1024
    text = text.replace(old_uuid, new_uuid)
    text = text.replace("<name>%s</name>" % old_name, "<name>%s</name>" % name, 1)
    text = text.replace("/var/lib/libvirt/images/web-01/", "/var/lib/libvirt/images/%s/" % name)
    text = re.sub(r"<memory unit='KiB'>\d+</memory>", "<memory unit='KiB'>%d</memory>" % kib, text, 1)
    text = re.sub(r"<currentMemory unit='KiB'>\d+</currentMemory>",
                  "<currentMemory unit='KiB'>%d</currentMemory>" % kib, text, 1)
    extra = "".join(extra_disk(name, i) for i in range((h + 3 * d) % 3))
    if extra:
        last = text.rfind("</disk>\n") + len("</disk>\n")
        text = text[:last] + extra + text[last:]
    return name, text


def generate_dumps(out, hosts, domains):
    templates = {t[0]: read(t[0]) for t in DOMAIN_TEMPLATES}
    caps = read("capabilities-qemu-7.2-x86_64.xml")
    domcaps = read("domcapabilities-qemu-7.2-kvm.xml")
    version = read("virsh-version-qemu-7.2.txt")
    assert CAPS_UUID in caps
    os.makedirs(out)
    write(os.path.join(out, "fleet.yaml"), "defaults:\n  labels: {bench: inventory}\n"
          "  shared_mounts: [/var/lib/nova/instances]\n")
    for h in range(hosts):
        hd = os.path.join(out, host_name(h))
        os.makedirs(os.path.join(hd, "domains"))
        write(os.path.join(hd, "capabilities.xml"),
              caps.replace(CAPS_UUID, str(uuid.uuid5(NS, "host/%d" % h))))
        write(os.path.join(hd, "domcapabilities.xml"), domcaps)
        write(os.path.join(hd, "version.txt"), version)
        write(os.path.join(hd, "hostname.txt"), "%s.bench.example\n" % host_name(h))
        for d in range(domains):
            name, text = dump_domain(templates, h, d)
            write(os.path.join(hd, "domains", name + ".xml"), text)


TEST_DOMAIN = """  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>{name}</name>
    <uuid>{uuid}</uuid>
    <memory unit='MiB'>{mib}</memory>
    <currentMemory unit='MiB'>{mib}</currentMemory>
    <vcpu>{vcpu}</vcpu>
    <os><type arch='x86_64' machine='{machine}'>hvm</type></os>
    <cpu mode='custom' match='exact'><model fallback='forbid'>{model}</model><feature policy='require' name='aes'/></cpu>
    <devices>
{disks}      <interface type='bridge'><mac address='52:54:00:{mac}'/><source bridge='br0'/><model type='virtio'/></interface>
    </devices>
{runstate}  </domain>
"""


def test_domain(h, d):
    name = "vm-%04d-%02d" % (h, d)
    disks = "      <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/>" \
            "<source file='/srv/shared/%s.qcow2'/><target dev='vda' bus='virtio'/></disk>\n" % name
    for i in range((h + 3 * d) % 3):
        disks += "      <disk type='file' device='disk'><driver name='qemu' type='raw' cache='writeback'/>" \
                 "<source file='/var/lib/libvirt/images/%s-data%d.raw'/><target dev='vd%s' bus='virtio'/></disk>\n" \
                 % (name, i, "bcd"[i])
    n = h * 100 + d
    return TEST_DOMAIN.format(
        name=name, uuid=guest_uuid(h, d), mib=MEMORY_MIB[(h * 7 + d) % len(MEMORY_MIB)], vcpu=1 + (d % 8),
        machine=("pc-i440fx-7.2", "pc-q35-7.2")[d % 2], model=("SandyBridge", "Broadwell", "Skylake-Server")[d % 3],
        mac="%02x:%02x:%02x" % ((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff), disks=disks,
        runstate="    <test:runstate>5</test:runstate>\n" if d % 5 == 4 else "")


def generate_testdriver(out, hosts, domains):
    os.makedirs(out)
    fleet = ["defaults:", "  labels: {bench: inventory}", "  shared_mounts: [/srv/shared]", "hosts:"]
    for h in range(hosts):
        node = os.path.join(out, "node-%04d.xml" % h)
        body = "".join(test_domain(h, d) for d in range(domains))
        write(node, "<node>\n  <cpu>\n    <mhz>2400</mhz>\n    <model>x86_64</model>\n"
                    "    <nodes>2</nodes><sockets>2</sockets><cores>16</cores><threads>2</threads>\n"
                    "    <active>64</active>\n  </cpu>\n  <memory>536870912</memory>\n" + body + "</node>\n")
        fleet += ["  - name: %s" % host_name(h), "    uri: test://%s" % node]
    write(os.path.join(out, "fleet.yaml"), "\n".join(fleet) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hosts", type=int, default=1000)
    p.add_argument("--domains", type=int, default=30)
    p.add_argument("--out", required=True, help="output directory (replaced)")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    for sub in ("dumps", "testdriver"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    generate_dumps(os.path.join(out, "dumps"), a.hosts, a.domains)
    generate_testdriver(os.path.join(out, "testdriver"), a.hosts, a.domains)


if __name__ == "__main__":
    main()
