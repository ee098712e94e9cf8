"""El juego de datos de ejemplo, incluido en el paquete: una carpeta de CSV ficticios.

Cinco regionales de los tres segmentos (Distrito Capital y Antioquia, grandes; Huila y
Cesar, medianas; Guainía, pequeña), doce gestores de los dos roles y el primer trimestre de
2012. El informe de marzo de 2012 muestra todos los estados y todos los colores del
semáforo, y excluye algunos registros a propósito (un contacto de un gestor que no existe,
otro posterior al corte…). Las empresas son ficticias: sus NIT solo tienen el dígito de
verificación bien calculado.

Los CSV están escritos como en una oficina colombiana (``;``, fechas ``DD/MM/AAAA``, pesos
``$ 1.000.000``, UTF-8 con BOM) y sirven de plantilla: `carpeta_de_ejemplo` da la carpeta.

>>> datos = datos_de_ejemplo()
>>> len(datos.gestores), sorted({g.regional.nombre for g in datos.gestores})
(12, ['Antioquia', 'Cesar', 'Distrito Capital', 'Guainía', 'Huila'])
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from sena_relacionamiento.datos import DatosSeguimiento

__all__ = ["carpeta_de_ejemplo", "datos_de_ejemplo"]


def carpeta_de_ejemplo() -> Traversable:
    """La carpeta de los CSV de ejemplo, como recurso del paquete (`importlib.resources`)."""
    return files(__name__)


def datos_de_ejemplo() -> DatosSeguimiento:
    """Los `DatosSeguimiento` del juego de ejemplo, leídos de sus CSV."""
    from sena_relacionamiento.io.csv_lector import leer_carpeta

    return leer_carpeta(carpeta_de_ejemplo())
