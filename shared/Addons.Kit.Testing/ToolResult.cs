namespace Addons.Kit.Testing;

/// <summary>How an external command ended: its exit code and what it wrote.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout followed by stderr, for assertion messages.</summary>
    public string Output => Stdout + Stderr;
}
