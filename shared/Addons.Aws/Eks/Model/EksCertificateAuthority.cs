namespace Addons.Aws.Eks.Model;

/// <summary>The cluster CA.</summary>
public sealed class EksCertificateAuthority
{
    /// <summary>Data.</summary>
    public string Data { get; set; } = "";
}
