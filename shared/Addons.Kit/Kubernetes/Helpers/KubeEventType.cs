namespace Addons.Kit.Kubernetes.Helpers;

/// <summary>The <c>type</c> of a Kubernetes Event.</summary>
public enum KubeEventType
{
    /// <summary>Informational.</summary>
    Normal,

    /// <summary>Something may need attention.</summary>
    Warning,
}
