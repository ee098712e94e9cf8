"""La estrategia de relacionamiento con las empresas (R6). El enrutamiento de las solicitudes
que llegan por el CRM (R7) está en `enrutamiento`, un piso más arriba: usa los registros.

La matriz de R6 sale del cuadro de segmentación de empresas de la circular (§ cuadro de
segmentación de empresas): para cada segmento, el alcance del relacionamiento, los temas del
portafolio que deben tratarse y el canal de comunicación.

>>> medianas = relacionamiento("Medianas y gremios regionales")
>>> medianas.canal.etiqueta
'Gestores regionales por demanda'
>>> medianas.admite(Tema.COOPERACION_INTERNACIONAL)
False
>>> relacionamiento(segmento_empresa(TipoEmpresa.NO_FOCALIZADA)).solo_por_solicitud
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from sena_relacionamiento._conversores import booleano
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.enumeraciones import EnumSena, TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido

__all__ = [
    "MATRIZ_RELACIONAMIENTO",
    "Alcance",
    "Canal",
    "Gremio",
    "Relacionamiento",
    "SegmentoEmpresa",
    "Tema",
    "relacionamiento",
    "segmento_empresa",
]


class SegmentoEmpresa(EnumSena):
    """Los tres segmentos de empresas del cuadro de relacionamiento (R6)."""

    GRANDES_Y_GREMIOS_NACIONALES = "Grandes y Gremios Nacionales"
    MEDIANAS_Y_GREMIOS_REGIONALES = "Medianas y Gremios Regionales"
    PYMES = "PYMES"


class Tema(EnumSena):
    """Los diez temas del portafolio, en el orden en que los numera la circular (R6)."""

    INNOVACION = "Innovación"
    COOPERACION_INTERNACIONAL = "Cooperación internacional"
    FORMACION_INTEGRAL = "Formación integral"
    CERTIFICACION_COMPETENCIAS = "Certificación de competencias"
    EMPLEO_SNE = "Empleo (SNE)"
    CONTRATO_APRENDIZAJE_VOLUNTARIO = "Contrato de aprendizaje voluntario"
    EMPRENDIMIENTO_FORTALECIMIENTO = "Emprendimiento y fortalecimiento (comunidad)"
    AMBIENTES_APRENDIZAJE = "Ambientes de aprendizaje"
    INCLUSION_SOCIAL = "Inclusión social"
    EMPRESAS_FORMADORAS = "Empresas formadoras"


class Canal(EnumSena):
    """Canal de comunicación con cada segmento (R6)."""

    GESTORES_ESTRATEGICOS = "Gestores estratégicos en regionales y Dirección Nacional"
    GESTORES_REGIONALES = "Gestores regionales por demanda"
    CONTACT_CENTER = "Contact Center"


class Alcance(EnumSena):
    """Objetivo o alcance del relacionamiento con cada segmento (R6)."""

    CONVENIO_MARCO_PLURIANUAL = "Convenio marco plurianual y derivados anuales"
    PLAN_DERIVADO_ANUAL = "Plan derivado anual o por demanda"
    POR_SOLICITUD = "Por solicitud o demanda"


class Gremio(EnumSena):
    """Alcance de un gremio: los nacionales van con las grandes empresas y los regionales con
    las medianas (R6; ver `segmento_empresa`)."""

    NACIONAL = "Gremio nacional"
    REGIONAL = "Gremio regional"


def _temas(valor: object) -> tuple[Tema, ...]:
    """Conversor: cualquier colección de temas (miembros, nombres o etiquetas) a una tupla sin
    repetidos, en el orden de la circular."""
    if isinstance(valor, str | bytes) or not isinstance(valor, Iterable):
        raise DatoInvalido("se esperaba una colección de temas", campo="temas", valor=valor)
    temas = [Tema.de(v, f"temas[{i}]") for i, v in enumerate(valor)]
    if not temas:
        raise DatoInvalido("un segmento debe tratar al menos un tema", campo="temas", valor=())
    repetidos = sorted({t.name for t in temas if temas.count(t) > 1})
    if repetidos:
        raise DatoInvalido(
            "un tema no puede repetirse; repetidos: " + ", ".join(repetidos), campo="temas"
        )
    return tuple(t for t in Tema if t in temas)


def _segmento(valor: object) -> SegmentoEmpresa:
    return SegmentoEmpresa.de(valor, "segmento")


def _alcance(valor: object) -> Alcance:
    return Alcance.de(valor, "alcance")


def _canal(valor: object) -> Canal:
    return Canal.de(valor, "canal")


def _booleano(valor: object) -> bool:
    return booleano(valor, "solo_por_solicitud")


@attrs.frozen(kw_only=True)
class Relacionamiento:
    """Una fila del cuadro de relacionamiento (R6): el `segmento`, su `alcance`, los `temas`
    que deben tratarse (en el orden de la circular), el `canal` y si solo se atiende por
    solicitud de la empresa (`solo_por_solicitud`).

    >>> grandes = relacionamiento(SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES)
    >>> grandes.alcance.etiqueta, len(grandes.temas), grandes.solo_por_solicitud
    ('Convenio marco plurianual y derivados anuales', 10, False)
    """

    segmento: SegmentoEmpresa = attrs.field(converter=_segmento)
    alcance: Alcance = attrs.field(converter=_alcance)
    temas: tuple[Tema, ...] = attrs.field(converter=_temas)
    canal: Canal = attrs.field(converter=_canal)
    solo_por_solicitud: bool = attrs.field(converter=_booleano)

    def admite(self, tema: Tema | str) -> bool:
        """Si el relacionamiento con este segmento trata `tema` (miembro, nombre o etiqueta).

        >>> relacionamiento("PYMES").admite("empresas formadoras")
        True
        >>> relacionamiento("medianas y gremios regionales").admite("Innovacion")
        True
        """
        return Tema.de(tema, "tema") in self.temas


# R6, § cuadro de segmentación de empresas: una fila por segmento, leída de izquierda a
# derecha como el cuadro (alcance, temas, canal). Las pymes piden lo que necesiten, un
# requerimiento a la vez: por eso tienen los diez temas y solo se atienden por solicitud.
MATRIZ_RELACIONAMIENTO: Final[MapaFijo[SegmentoEmpresa, Relacionamiento]] = MapaFijo(
    {
        fila.segmento: fila
        for fila in (
            Relacionamiento(
                segmento=SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES,
                alcance=Alcance.CONVENIO_MARCO_PLURIANUAL,
                temas=tuple(Tema),  # los diez
                canal=Canal.GESTORES_ESTRATEGICOS,
                solo_por_solicitud=False,
            ),
            Relacionamiento(
                segmento=SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES,
                alcance=Alcance.PLAN_DERIVADO_ANUAL,
                temas=(
                    Tema.INNOVACION,
                    Tema.FORMACION_INTEGRAL,
                    Tema.CERTIFICACION_COMPETENCIAS,
                    Tema.EMPLEO_SNE,
                    Tema.CONTRATO_APRENDIZAJE_VOLUNTARIO,
                ),
                canal=Canal.GESTORES_REGIONALES,
                solo_por_solicitud=False,
            ),
            Relacionamiento(
                segmento=SegmentoEmpresa.PYMES,
                alcance=Alcance.POR_SOLICITUD,
                temas=tuple(Tema),  # el que la empresa solicite
                canal=Canal.CONTACT_CENTER,
                solo_por_solicitud=True,
            ),
        )
    }
)
"""La matriz de relacionamiento de R6: segmento → `Relacionamiento`."""


def relacionamiento(segmento: SegmentoEmpresa | str) -> Relacionamiento:
    """La fila de la matriz de R6 del segmento dado (miembro, nombre o etiqueta).

    >>> relacionamiento("PYMES").canal
    <Canal.CONTACT_CENTER: 'Contact Center'>
    >>> relacionamiento("micro")
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: segmento: no es un valor de SegmentoEmpresa; ...
    """
    return MATRIZ_RELACIONAMIENTO[SegmentoEmpresa.de(segmento, "segmento")]


# Decisión del proyecto (la circular segmenta por tamaño sin definir tamaños): el tipo de R4.
_SEGMENTO_POR_TIPO: Final[MapaFijo[TipoEmpresa, SegmentoEmpresa]] = MapaFijo(
    {
        TipoEmpresa.A: SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES,
        TipoEmpresa.B: SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES,
        TipoEmpresa.NO_FOCALIZADA: SegmentoEmpresa.PYMES,
    }
)
_SEGMENTO_POR_GREMIO: Final[MapaFijo[Gremio, SegmentoEmpresa]] = MapaFijo(
    {
        Gremio.NACIONAL: SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES,
        Gremio.REGIONAL: SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES,
    }
)


def segmento_empresa(
    tipo: TipoEmpresa | str | None = None, *, gremio: Gremio | str | None = None
) -> SegmentoEmpresa:
    """El segmento de relacionamiento (R6) de una empresa o de un gremio.

    **Decisión**: la circular segmenta las empresas por tamaño sin definir los tamaños; este
    proyecto usa el tipo de R4: tipo A → grandes, tipo B → medianas, no focalizada → pymes.
    Un gremio va por su alcance, sea cual sea su tipo: nacional → grandes y gremios
    nacionales, regional → medianas y gremios regionales. Hay que dar el tipo, el gremio o
    ambos (miembros, nombres o etiquetas).

    >>> segmento_empresa(TipoEmpresa.B).etiqueta
    'Medianas y Gremios Regionales'
    >>> segmento_empresa("no focalizada", gremio=Gremio.NACIONAL).etiqueta
    'Grandes y Gremios Nacionales'
    >>> segmento_empresa(gremio="regional").name
    'MEDIANAS_Y_GREMIOS_REGIONALES'
    """
    if gremio is not None:
        if tipo is not None:
            TipoEmpresa.de(tipo, "tipo")  # se valida aunque el gremio decida
        return _SEGMENTO_POR_GREMIO[Gremio.de(gremio, "gremio")]
    if tipo is None:
        raise DatoInvalido(
            "se esperaba el tipo de la empresa (A, B o NO_FOCALIZADA) o su gremio "
            "(NACIONAL o REGIONAL)",
            campo="tipo",
            valor=None,
        )
    return _SEGMENTO_POR_TIPO[TipoEmpresa.de(tipo, "tipo")]


_MOVIDOS: Final = frozenset({"Destino", "TipoDestino", "enrutar_solicitud"})


def __getattr__(nombre: str) -> object:
    """Los nombres de R7 se mudaron a `enrutamiento`; desde aquí siguen funcionando con un
    `DeprecationWarning` (se importan desde la raíz del paquete)."""
    if nombre not in _MOVIDOS:
        raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")
    import warnings

    from sena_relacionamiento import enrutamiento

    warnings.warn(
        f"sena_relacionamiento.relacionamiento.{nombre} se mudó a "
        f"sena_relacionamiento.enrutamiento (o impórtelo desde sena_relacionamiento)",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(enrutamiento, nombre)
