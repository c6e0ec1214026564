#!/usr/bin/env python3
"""CPU time of each libvirt call Drover's LiveHostReader makes, per host, straight through libvirt.so (ctypes).

    bench/inventory/libvirt-calls.py NODE_DIR [HOSTS]

NODE_DIR holds generate.py's test:/// node files (OUT/testdriver). For the first HOSTS node files (default 100) it
makes the calls LiveHostReader makes, in its order: open, versions, list all domains, per domain name + state +
XML, capabilities, domain capabilities ("test"), sysinfo, hostname, node info, close. It prints the process CPU time
of each per host: what libvirt itself costs, with no JVM around it, to compare with Drover's CPU time per host.
"""
import ctypes
import sys
import time

lib = ctypes.CDLL("libvirt.so.0")
P = ctypes.c_void_p
lib.virConnectOpen.restype = P
lib.virConnectOpen.argtypes = [ctypes.c_char_p]
lib.virConnectClose.argtypes = [P]
lib.virConnectListAllDomains.argtypes = [P, ctypes.POINTER(ctypes.POINTER(P)), ctypes.c_uint]
lib.virDomainGetName.restype = ctypes.c_char_p
lib.virDomainGetName.argtypes = [P]
lib.virDomainGetState.argtypes = [P, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int), ctypes.c_uint]
lib.virDomainFree.argtypes = [P]
libc = ctypes.CDLL(None)
libc.free.argtypes = [P]
for name, argtypes in (("virDomainGetXMLDesc", [P, ctypes.c_uint]), ("virConnectGetCapabilities", [P]),
                       ("virConnectGetSysinfo", [P, ctypes.c_uint]), ("virConnectGetHostname", [P]),
                       ("virConnectGetDomainCapabilities", [P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                                            ctypes.c_char_p, ctypes.c_uint])):
    getattr(lib, name).restype = P  # strings the caller frees
    getattr(lib, name).argtypes = argtypes
lib.virConnectGetLibVersion.argtypes = [P, ctypes.POINTER(ctypes.c_ulong)]
lib.virConnectGetVersion.argtypes = [P, ctypes.POINTER(ctypes.c_ulong)]
lib.virNodeGetInfo.argtypes = [P, ctypes.c_char * 64]
# libvirt prints every error to stderr unless a handler is set; the test driver has no domain capabilities.
ERROR_FUNC = ctypes.CFUNCTYPE(None, P, P)
quiet = ERROR_FUNC(lambda user, error: None)
lib.virSetErrorFunc(None, quiet)


def take(pointer):
    libc.free(pointer)


def read_host(uri, spent):
    def phase(name, started):
        now = time.process_time()
        spent[name] = spent.get(name, 0.0) + now - started
        return now

    t = time.process_time()
    conn = lib.virConnectOpen(uri.encode())
    if not conn:
        sys.exit("cannot open " + uri)
    t = phase("open (parses the node file)", t)
    version = ctypes.c_ulong()
    lib.virConnectGetLibVersion(conn, ctypes.byref(version))
    lib.virConnectGetVersion(conn, ctypes.byref(version))
    t = phase("versions", t)
    domains = ctypes.POINTER(P)()
    count = lib.virConnectListAllDomains(conn, ctypes.byref(domains), 0)
    t = phase("list all domains", t)
    state, reason = ctypes.c_int(), ctypes.c_int()
    for i in range(count):
        lib.virDomainGetName(domains[i])
        lib.virDomainGetState(domains[i], ctypes.byref(state), ctypes.byref(reason), 0)
    t = phase("name + state per domain", t)
    for i in range(count):
        take(lib.virDomainGetXMLDesc(domains[i], 0))
        lib.virDomainFree(domains[i])
    libc.free(domains)
    t = phase("XML per domain", t)
    take(lib.virConnectGetCapabilities(conn))
    take(lib.virConnectGetDomainCapabilities(conn, None, None, None, b"test", 0))
    take(lib.virConnectGetSysinfo(conn, 0))
    take(lib.virConnectGetHostname(conn))
    lib.virNodeGetInfo(conn, (ctypes.c_char * 64)())
    t = phase("host documents and node info", t)
    lib.virConnectClose(conn)
    phase("close", t)
    return count


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    directory, hosts = sys.argv[1].rstrip("/"), int(sys.argv[2]) if len(sys.argv) > 2 else 100
    spent, domains = {}, 0
    for host in range(hosts):
        domains += read_host("test://%s/node-%04d.xml" % (directory, host), spent)
    total = sum(spent.values())
    print("%d hosts, %d domains; CPU per host:" % (hosts, domains))
    for name, seconds in spent.items():
        print("  %-30s %7.2f ms  %5.1f %%" % (name, seconds * 1000 / hosts, 100 * seconds / total))
    print("  %-30s %7.2f ms" % ("total", total * 1000 / hosts))


main()
