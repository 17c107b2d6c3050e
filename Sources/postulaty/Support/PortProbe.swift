#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Corpus

/// Whether `serve` could listen on host:port, asked before the corpus, models and store are loaded (a minute on a
/// large corpus): a port already taken is then said at once, not after the load. A probe, not a reservation — the
/// server binds again and reports its own failure the same way. Port 0 (any free port) needs no probe.
enum PortProbe {
    /// nil when a socket could be bound to host:port (and was closed again), else the system's reason.
    static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            // A name no resolver knows is said in the run's language, not as the server library's error value.
            return resolved == EAI_NONAME || resolved == EAI_AGAIN || resolved == EAI_FAIL
                ? tr("nieznany adres „\(host)”: podaj adres IP, np. 127.0.0.1, albo nazwę z /etc/hosts lub DNS",
                     "unknown address \"\(host)\": give an IP address such as 127.0.0.1, or a name in /etc/hosts or DNS")
                : nil   // the server says why
        }
        defer { freeaddrinfo(list) }
        guard port != 0 else { return nil }   // any free port: the name was all there was to check
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 ? nil : systemErrorText(errno)
    }
}
