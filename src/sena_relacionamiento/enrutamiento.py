"""El enrutamiento de las solicitudes que llegan por el CRM por web o teléfono (R7, §2c).

Vive un piso más arriba que `relacionamiento` (la matriz de R6): toma las asignaciones y los
gestores de `registros`, y `relacionamiento` no importa los registros.

>>> from sena_relacionamiento import Asignacion, Gestor
>>> enrutar_solicitud("900123456", "Huila", asignaciones=[],
...                   disponibles=[Gestor(id="g3", rol="empresarial", regional="Huila")]).id
'g3'
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from sena_relacionamiento._conversores import regional_de, texto, tupla_de
from sena_relacionamiento.enumeraciones import EnumSena, Rol
from sena_relacionamiento.errores import RegistroInconsistente, SinDestino
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.registros import Asignacion, Gestor, normalizar_nit

__all__ = ["Destino", "TipoDestino", "enrutar_solicitud"]


class TipoDestino(EnumSena):
    """A quién se dirige una solicitud del CRM (R7), en orden de preferencia."""

    GESTOR_ASIGNADO = "Gestor asignado"
    GESTOR_EMPRESARIAL = "Gestor empresarial"
    LIDER_DE_CENTRO = "Líder de Centro"


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
