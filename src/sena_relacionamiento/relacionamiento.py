"""La estrategia de relacionamiento con las empresas (R6) y el enrutamiento de las solicitudes
que llegan por el CRM (R7).

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

from sena_relacionamiento._conversores import booleano, regional_de, texto, tupla_de
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.enumeraciones import EnumSena, Rol, TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente, SinDestino
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.registros import Asignacion, Gestor, normalizar_nit

__all__ = [
    "MATRIZ_RELACIONAMIENTO",
    "Alcance",
    "Canal",
    "Destino",
    "Gremio",
    "Relacionamiento",
    "SegmentoEmpresa",
    "Tema",
    "TipoDestino",
    "enrutar_solicitud",
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


class TipoDestino(EnumSena):
    """A quién se dirige una solicitud del CRM (R7), en orden de preferencia."""

    GESTOR_ASIGNADO = "Gestor asignado"
    GESTOR_EMPRESARIAL = "Gestor empresarial"
    LIDER_DE_CENTRO = "Líder de Centro"


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


# --- R7: enrutamiento de las solicitudes del CRM (§2c) ---


def _tipo_destino(valor: object) -> TipoDestino:
    return TipoDestino.de(valor, "tipo")


def _id(valor: object) -> str:
    return texto(valor, "id")


def _motivo(valor: object) -> str:
    return texto(valor, "motivo")


@attrs.frozen(kw_only=True)
class Destino:
    """A quién va una solicitud del CRM (R7): el `tipo` de destino, el `id` de quien la recibe
    y el `motivo`, una frase en español que explica la elección.

    >>> Destino(tipo="lider de centro", id="lider-9101", motivo="no hay gestor disponible").tipo
    <TipoDestino.LIDER_DE_CENTRO: 'Líder de Centro'>
    """

    tipo: TipoDestino = attrs.field(converter=_tipo_destino)
    id: str = attrs.field(converter=_id)
    motivo: str = attrs.field(converter=_motivo)


def _sin_ids_repetidos(gestores: tuple[Gestor, ...]) -> None:
    """Dos registros distintos con un mismo id de gestor se contradicen (R14)."""
    vistos: dict[str, Gestor] = {}
    for gestor in gestores:
        previo = vistos.setdefault(gestor.id, gestor)
        if previo != gestor:
            raise RegistroInconsistente(
                f"el id de gestor {gestor.id!r} aparece en disponibles con dos registros "
                "distintos; se esperaba un solo rol y una sola regional por gestor",
                [previo, gestor],
            )


def enrutar_solicitud(
    nit: str | int,
    regional: str | int | Regional,
    *,
    asignaciones: Iterable[Asignacion],
    disponibles: Iterable[Gestor],
    lider_de_centro: str | None = None,
) -> Destino:
    """A quién se dirige una solicitud que llega por el CRM (web o teléfono) (R7, §2c).

    En este orden de preferencia (**decisión** de R7):

    1. Una empresa de la base asignada va a su gestor asignado, esté o no entre los
       `disponibles` y sea de la regional que sea (``GESTOR_ASIGNADO``).
    2. Si no está asignada, al primer gestor de rol empresarial de esa `regional`, en el orden
       de `disponibles`; los estratégicos y los de otras regionales no cuentan
       (``GESTOR_EMPRESARIAL``).
    3. Si no hay ninguno, al Líder de Centro del centro de formación respectivo, cuyo id es
       `lider_de_centro` (``LIDER_DE_CENTRO``).
    4. Si tampoco hay Líder de Centro, la solicitud no tiene destino: `SinDestino`.

    El `nit` se normaliza como en los registros. Una empresa asignada a dos gestores es un
    `RegistroInconsistente` con los dos registros (solo se revisa la empresa de la solicitud),
    igual que un mismo id con dos registros distintos en `disponibles`. Un valor malo (un NIT
    inválido, una regional desconocida, un elemento que no es `Asignacion` o `Gestor`) es un
    `DatoInvalido`.

    >>> asignaciones = [Asignacion(gestor="g1", nit="900123456")]
    >>> disponibles = [
    ...     Gestor(id="g2", rol="estratégico", regional="Huila"),
    ...     Gestor(id="g3", rol="empresarial", regional="Huila"),
    ... ]
    >>> enrutar_solicitud("900.123.456-8", "Huila", asignaciones=asignaciones,
    ...                   disponibles=disponibles).id
    'g1'
    >>> destino = enrutar_solicitud(800111222, "Huila", asignaciones=asignaciones,
    ...                             disponibles=disponibles)
    >>> destino.tipo.name, destino.id
    ('GESTOR_EMPRESARIAL', 'g3')
    >>> enrutar_solicitud(800111222, "Meta", asignaciones=asignaciones,
    ...                   disponibles=disponibles, lider_de_centro="lider-9230").tipo.name
    'LIDER_DE_CENTRO'
    """
    clave = normalizar_nit(nit)
    destino_regional = regional_de(regional)
    asignadas = tupla_de(asignaciones, Asignacion, "asignaciones")
    gestores = tupla_de(disponibles, Gestor, "disponibles")
    lider = None if lider_de_centro is None else texto(lider_de_centro, "lider_de_centro")
    _sin_ids_repetidos(gestores)

    # 1. La base asignada manda.
    de_la_empresa = [a for a in asignadas if a.nit == clave]
    asignados = sorted({a.gestor for a in de_la_empresa})
    if len(asignados) > 1:
        registros = [next(a for a in de_la_empresa if a.gestor == g) for g in asignados]
        raise RegistroInconsistente(
            f"la empresa {clave} está asignada a {len(asignados)} gestores ("
            + ", ".join(repr(g) for g in asignados)
            + "); se esperaba un solo gestor asignado por empresa",
            registros,
        )
    if asignados:
        gestor_asignado = asignados[0]
        disponible = any(g.id == gestor_asignado for g in gestores)
        return Destino(
            tipo=TipoDestino.GESTOR_ASIGNADO,
            id=gestor_asignado,
            motivo=f"la empresa {clave} está en la base asignada al gestor {gestor_asignado!r}"
            + ("" if disponible else ", aunque no figura entre los disponibles"),
        )

    # 2. El primer gestor empresarial disponible de la regional, en el orden dado.
    for gestor in gestores:
        if gestor.rol is Rol.EMPRESARIAL and gestor.regional == destino_regional:
            return Destino(
                tipo=TipoDestino.GESTOR_EMPRESARIAL,
                id=gestor.id,
                motivo=f"la empresa {clave} no está en la base asignada; se dirige al primer "
                f"gestor empresarial disponible de la regional {destino_regional}",
            )

    # 3. El Líder de Centro del centro de formación respectivo.
    if lider is not None:
        return Destino(
            tipo=TipoDestino.LIDER_DE_CENTRO,
            id=lider,
            motivo=f"la empresa {clave} no está en la base asignada y no hay gestor "
            f"empresarial disponible en la regional {destino_regional}; se dirige al Líder "
            "de Centro",
        )

    # 4. Nadie: es un error, no se descarta en silencio.
    raise SinDestino(
        f"la solicitud de la empresa {clave} en la regional {destino_regional} no tiene "
        "destino: la empresa no está en la base asignada, no hay gestor empresarial "
        "disponible en esa regional y no se indicó Líder de Centro; se esperaba al menos "
        "uno de ellos (R7)"
    )
