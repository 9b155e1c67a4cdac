"""Art. 15/20, subject access: everything Koers holds of one person as a ZIP, built by the same
shredders that erase it: one JSON file per app and the person's documents. Every download is
recorded (`SubjectExport`). Never in it: the national number (see `NEVER_EXPORTED`)."""

import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder

from koers.privacy import registry
from koers.privacy.models import SubjectExport
from koers.privacy.shredding import export_rows, stored_files


@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes


def _documents(archive: zipfile.ZipFile, shredder, kind: str, subject_id: int) -> int:
    written = 0
    rows = shredder.model._default_manager.filter(
        pk__in=shredder.rows(kind, subject_id).values("pk")
    )
    for field_name, name in stored_files(shredder, rows):
        storage = shredder.model._meta.get_field(field_name).storage
        if not storage.exists(name):
            continue
        with storage.open(name, "rb") as handle:
            target = f"documenten/{shredder.model._meta.model_name}/{PurePosixPath(name).name}"
            archive.writestr(target, handle.read())
        written += 1
    return written


def subject_export(
    *, kind: str, subject_id: int, acting_user, now: datetime, channel: str = "web"
) -> Export:
    """The ZIP of one person (a client or a lead) the administrator may see; 404 otherwise."""
    if not acting_user.has_perm("privacy.manage_personal_data"):
        raise PermissionDenied
    subject_kind = registry.subject_kind(kind)
    if subject_kind is None or subject_kind.find(acting_user, subject_id) is None:
        raise ObjectDoesNotExist
    per_app: dict[str, dict[str, list]] = defaultdict(dict)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        documents = 0
        for shredder in registry.shredders():
            if not shredder.covers(kind):
                continue
            rows = export_rows(shredder, kind, subject_id)
            if rows:
                per_app[shredder.model._meta.app_label][shredder.model.__name__] = rows
                documents += _documents(archive, shredder, kind, subject_id)
        for app_label, models in sorted(per_app.items()):
            text = json.dumps(models, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
            archive.writestr(f"{app_label}.json", text)
        manifest = {"kind": kind, "id": subject_id, "made_at": now, "documents": documents}
        archive.writestr("overzicht.json", json.dumps(manifest, cls=DjangoJSONEncoder, indent=1))
    SubjectExport.objects.create(
        subject_kind=kind, subject_id=subject_id, user=acting_user, at=now, channel=channel
    )
    return Export(f"koers-{kind}-{subject_id}-{now:%Y%m%d}.zip", buffer.getvalue())
