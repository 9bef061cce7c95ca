"""Small drawn illustrations for the demo news, made on the spot (no stock photos)."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

PALETTE = ["#5b2a86", "#0072b2", "#e69f00", "#009e73", "#f3f1fb", "#ffbf47"]


def illustration(slug: str, *, title: str, collection_name: str = ""):
    """Return the demo image for `slug`, drawing it the first time."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    seed = int(hashlib.sha256(slug.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed)  # Same picture on every machine.
    canvas = PillowImage.new("RGB", (960, 540), PALETTE[4])
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 380, 960, 540), fill=PALETTE[3])
    for _ in range(6):
        x, y, radius = rng.randrange(60, 900), rng.randrange(60, 360), rng.randrange(30, 110)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.choice(PALETTE[:4]))
    draw.rounded_rectangle((360, 200, 600, 330), radius=28, fill=PALETTE[5])
    buffer = io.BytesIO()
    canvas.save(buffer, format="WEBP", quality=70)
    collection = Collection.objects.filter(name=collection_name).first()
    return image_model.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{slug}.webp"),
        description=title,
        collection=collection or Collection.get_first_root_node(),
    )
