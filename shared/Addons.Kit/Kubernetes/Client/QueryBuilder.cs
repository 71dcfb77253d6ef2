using System.Text;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Builds <c>?a=b&amp;c=d</c>, escaping values and skipping nulls.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder text = new();

    public void Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    public override string ToString() => text.ToString();
}
