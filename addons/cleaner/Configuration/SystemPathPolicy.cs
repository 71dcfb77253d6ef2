namespace Addons.Cleaner.Configuration;

/// <summary>
/// Which directories the cleaner refuses as target paths: a host's system directories, the directories Kubernetes
/// and the container runtimes keep their state in, and the parents of home/data directories. One list, used by the
/// binary (<see cref="TargetPathGuard"/>) and mirrored by the chart's render-time <c>fail</c> (charts/cleaner).
/// </summary>
/// <remarks>
/// <para><b>Never</b> (not even with <c>--allow-system-paths</c>): <c>/</c> and the pseudo filesystems <c>/proc</c>,
/// <c>/sys</c>, <c>/dev</c>, with everything below them — deleting there is never cleanup.</para>
/// <para><b>Refused with everything below</b> unless <c>--allow-system-paths</c>: the OS (<c>/boot /etc /usr /bin /sbin
/// /lib /lib32 /lib64 /libx32 /root /run /var/run</c>) and node state (<c>/var/lib/kubelet /var/lib/containerd
/// /var/lib/docker /var/lib/containers /var/lib/etcd /var/lib/cni /var/lib/calico /var/lib/rancher /opt/cni
/// /opt/containerd /var/log/pods /var/log/containers</c>).</para>
/// <para><b>Refused exactly</b> unless <c>--allow-system-paths</c> (their subdirectories are ordinary targets, like the
/// default <c>/home/runner/_work</c>): <c>/home /opt /var /var/lib /var/log /var/cache /mnt /media /srv</c>.</para>
/// <para>Caveat: a host directory mounted into the container under another name (the chart's <c>/targets/&lt;name&gt;</c>)
/// cannot be recognised by name; the chart refuses such hostPaths when it renders, and <see cref="TargetPathGuard"/>
/// refuses any target that looks like a host's root filesystem (it holds <c>etc/passwd</c> and one of <c>usr proc
/// var/lib</c>).</para>
/// </remarks>
internal static class SystemPathPolicy
{
    /// <summary>Refused with their subtrees, even with the allow flag.</summary>
    public static readonly string[] Never = ["/proc", "/sys", "/dev"];

    /// <summary>Refused with their subtrees unless the allow flag is given.</summary>
    public static readonly string[] Subtrees =
    [
        "/boot", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/root", "/run", "/var/run",
        "/var/lib/kubelet", "/var/lib/containerd", "/var/lib/docker", "/var/lib/containers", "/var/lib/etcd", "/var/lib/cni",
        "/var/lib/calico", "/var/lib/rancher", "/opt/cni", "/opt/containerd", "/var/log/pods", "/var/log/containers",
    ];

    /// <summary>Refused as themselves (not their subdirectories) unless the allow flag is given.</summary>
    public static readonly string[] Exact = ["/home", "/opt", "/var", "/var/lib", "/var/log", "/var/cache", "/mnt", "/media", "/srv"];

    /// <summary>Directories that, next to an <c>etc/passwd</c>, mark a directory as a host's root filesystem.</summary>
    public static readonly string[] RootMarkers = ["usr", "proc", "var/lib"];

    /// <summary>Why the absolute, normalised <paramref name="path"/> is refused, or null.</summary>
    public static string? Problem(string path, bool allowSystemPaths)
    {
        if (path == "/")
        {
            return "it is the root directory (never accepted)";
        }

        if (Under(path, Never) is { } never)
        {
            return $"{never} is a kernel pseudo filesystem (never accepted)";
        }

        if (allowSystemPaths)
        {
            return null;
        }

        if (Under(path, Subtrees) is { } system)
        {
            return path == system
                ? $"{system} is a system directory (it and everything below it are refused; --allow-system-paths lifts this)"
                : $"it is inside the system directory {system} (it and everything below it are refused; --allow-system-paths lifts this)";
        }

        return Exact.Contains(path, StringComparer.Ordinal)
            ? $"{path} itself is refused (name a directory below it; --allow-system-paths lifts this)"
            : null;
    }

    private static string? Under(string path, string[] roots) =>
        roots.FirstOrDefault(root => path == root || path.StartsWith(root + "/", StringComparison.Ordinal));
}
