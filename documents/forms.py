"""The comment form of a draft published for comment."""

from django import forms

from documents.models import DraftComment


class DraftCommentForm(forms.ModelForm):
    """Name, email and comment; the draft and the time are set by the service."""

    class Meta:
        model = DraftComment
        fields = ["name", "email", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}
        error_messages = {
            "name": {"required": "Vui lòng nhập họ và tên."},
            "email": {
                "required": "Vui lòng nhập thư điện tử.",
                "invalid": "Thư điện tử không hợp lệ.",
            },
            "body": {
                "required": "Vui lòng nhập nội dung góp ý.",
                "max_length": "Nội dung góp ý tối đa %(limit_value)d ký tự.",
            },
        }
