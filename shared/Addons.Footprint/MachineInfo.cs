using System.Runtime.InteropServices;

namespace Addons.Footprint;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string Os, string Kernel, string Runtime)
{
    /// <summary>Reads /proc and /etc/os-release.</summary>
    public static MachineInfo Read()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadField("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1048576.0:F1} GiB" : "unknown";
        var os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "unknown";
        return new MachineInfo(Environment.ProcessorCount, cpu, memory, os, kernel, RuntimeInformation.FrameworkDescription);
    }

    private static string? ReadField(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var i = line.IndexOf(separator, StringComparison.Ordinal);
            if (i > 0 && line[..i].Trim() == key)
            {
                return line[(i + 1)..].Trim();
            }
        }

        return null;
    }
}
