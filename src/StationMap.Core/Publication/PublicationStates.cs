namespace StationMap.Publication;

/// <summary>Reads the state names staff and provider result files use.</summary>
public static class PublicationStates
{
    public static string Wire(this PublicationState s) => s switch
    {
        PublicationState.NotSubmitted => "not_submitted",
        PublicationState.NeedsUpdate => "needs_update",
        _ => s.ToString().ToLowerInvariant(),
    };

    /// <summary>"online", "已上线", "通过", "success" → online; "驳回", "失败", "rejected" → rejected; ...</summary>
    public static bool TryParse(string? text, out PublicationState state)
    {
        var key = (text ?? "").Trim().ToLowerInvariant().Replace("-", "_").Replace(" ", "_");
        (var ok, state) = key switch
        {
            "online" or "上线" or "已上线" or "通过" or "审核通过" or "成功" or "success" or "ok" or "已发布" or "published" or "located" => (true, PublicationState.Online),
            "rejected" or "驳回" or "已驳回" or "拒绝" or "不通过" or "审核不通过" or "失败" or "fail" or "failed" or "error" => (true, PublicationState.Rejected),
            "withdrawn" or "下线" or "已下线" or "撤回" or "已撤回" or "删除" or "已删除" => (true, PublicationState.Withdrawn),
            "submitted" or "已提交" or "审核中" or "pending" => (true, PublicationState.Submitted),
            "needs_update" or "needsupdate" or "待更新" => (true, PublicationState.NeedsUpdate),
            "not_submitted" or "notsubmitted" or "未提交" => (true, PublicationState.NotSubmitted),
            _ => (false, PublicationState.NotSubmitted),
        };
        return ok;
    }
}
