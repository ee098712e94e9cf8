"""Tablas esperadas escritas a mano desde REGLAS.md, compartidas por varias pruebas: son el
oráculo independiente del código (no se leen de `parametros.py`)."""

from __future__ import annotations

from sena_relacionamiento import SegmentoRegional

# R3, copiado de REGLAS.md.
GRANDES_R3 = {"Antioquia", "Atlántico", "Distrito Capital", "Cundinamarca", "Santander", "Valle"}
MEDIANAS_R3 = {
    "Bolívar",
    "Boyacá",
    "Caldas",
    "Cauca",
    "Córdoba",
    "Huila",
    "Magdalena",
    "Meta",
    "Nariño",
    "Norte de Santander",
    "Quindío",
    "Risaralda",
    "Tolima",
    "Cesar",
}
PEQUENAS_R3 = {
    "Amazonas",
    "Arauca",
    "Caquetá",
    "Casanare",
    "Chocó",
    "Guainía",
    "Guajira",
    "Guaviare",
    "Putumayo",
    "San Andrés",
    "Sucre",
    "Vaupés",
    "Vichada",
}

SEGMENTO_R3: dict[str, SegmentoRegional] = {
    **dict.fromkeys(GRANDES_R3, SegmentoRegional.GRANDE),
    **dict.fromkeys(MEDIANAS_R3, SegmentoRegional.MEDIANA),
    **dict.fromkeys(PEQUENAS_R3, SegmentoRegional.PEQUENA),
}
"""R3: regional → segmento."""
