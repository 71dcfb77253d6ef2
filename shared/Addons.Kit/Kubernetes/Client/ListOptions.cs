namespace Addons.Kit.Kubernetes.Client;

/// <summary>Options of a list request.</summary>
public sealed record ListOptions
{
    /// <summary>The default page size: 500, the same as client-go's pager.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>Label selector, e.g. <c>app=karc,tier!=web</c>. Null: all.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector, e.g. <c>metadata.name=x</c>. Null: all.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Items per page (<c>limit</c>); pages are followed through <c>continue</c> until the end.
    /// <value>The default value is 500 (<see cref="DefaultPageSize"/>). 0 asks for everything in one response.</value></summary>
    public int PageSize { get; init; } = DefaultPageSize;
}
