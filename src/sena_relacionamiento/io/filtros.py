"""Los filtros ``--regional`` y ``--gestor`` de las órdenes ``informe`` y ``serie`` (issue 17).

`filtrar` da el mismo informe con solo una regional (y sus gestores) o un gestor (y su
regional): la nación y los roles quedan como referencia, y los excluidos (R23) son los de
todo el informe. Un filtro que no encuentra nada es un `DatoInvalido` (o una
`RegionalDesconocida`) que sugiere qué escribir.

>>> from sena_relacionamiento import Periodo, informe
>>> from sena_relacionamiento.io import datos_de_ejemplo
>>> inf = filtrar(informe(datos_de_ejemplo(), Periodo(2012, 3)), regional="Huila")
>>> list(inf.regionales), list(inf.gestores)
(['41'], ['hui-01', 'hui-02'])
"""

from __future__ import annotations

import difflib

import attrs

from sena_relacionamiento import formato
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.informe import Informe
from sena_relacionamiento.regionales import regional as buscar_regional
from sena_relacionamiento.serie import Serie

__all__ = ["filtrar", "filtrar_serie"]


def filtrar(inf: Informe, *, regional: str | None = None, gestor: str | None = None) -> Informe:
    """El informe con solo la regional `regional` (nombre, alias o código, R2) y sus gestores,
    o solo el gestor `gestor` (por id) y su regional; ambos: el gestor, que debe ser de esa
    regional. Sin filtros, el mismo informe."""
    if regional is None and gestor is None:
        return inf
    return _aplicar(inf, *_elegir((inf,), regional, gestor))


def filtrar_serie(s: Serie, *, regional: str | None = None, gestor: str | None = None) -> Serie:
    """`filtrar` en cada informe de la serie; el filtro no encuentra nada si no encuentra
    nada en ningún mes (una regional con datos en algunos meses muestra los demás en cero)."""
    if regional is None and gestor is None:
        return s
    codigo, claves = _elegir(s.informes, regional, gestor)
    return Serie(tuple(_aplicar(inf, codigo, claves) for inf in s.informes))


def _aplicar(inf: Informe, codigo: str, claves: tuple[str, ...]) -> Informe:
    return attrs.evolve(
        inf,
        regionales=MapaFijo({codigo: inf.regionales[codigo]}),
        gestores=MapaFijo({k: inf.gestores[k] for k in claves if k in inf.gestores}),
    )


def _de(inf: Informe, codigo: str) -> list[str]:
    """Los gestores de la regional `codigo` en el informe."""
    return [
        k for k, t in inf.gestores.items() if t.regional is not None and t.regional.codigo == codigo
    ]


def _elegir(
    infs: tuple[Informe, ...], regional: str | None, gestor: str | None
) -> tuple[str, tuple[str, ...]]:
    """El código de la regional y los ids de los gestores que deja el filtro, o el error que
    dice por qué no deja nada y qué escribir."""
    ultimo = infs[-1]
    codigo: str | None = None
    claves: tuple[str, ...] = tuple(ultimo.gestores)
    if regional is not None:
        codigo = buscar_regional(regional).codigo
        claves = tuple(_de(ultimo, codigo))
        if not claves and not any(formato.con_datos(i.regionales[codigo]) for i in infs):
            con_datos = [
                t.nombre
                for t in ultimo.regionales.values()
                if _de(ultimo, t.clave)
                or any(formato.con_datos(i.regionales[t.clave]) for i in infs)
            ]
            raise DatoInvalido(
                f"la regional {ultimo.regionales[codigo].nombre} no tiene gestores ni datos; "
                "tienen datos: " + (", ".join(con_datos) or "ninguna"),
                campo="--regional",
                valor=regional,
            )
    if gestor is not None:
        clave = gestor.strip()
        if clave not in claves:
            raise _gestor_desconocido(ultimo, gestor, clave, codigo)
        tablero = ultimo.gestores[clave]
        assert tablero.regional is not None  # un gestor siempre es de una regional
        return tablero.regional.codigo, (clave,)
    assert codigo is not None
    return codigo, claves


def _gestor_desconocido(inf: Informe, gestor: str, clave: str, codigo: str | None) -> DatoInvalido:
    if clave in inf.gestores:
        otra = inf.gestores[clave].regional
        assert otra is not None
        assert codigo is not None
        motivo = (
            f"el gestor {clave} es de la regional {otra.nombre}, no de "
            f"{inf.regionales[codigo].nombre}"
        )
    else:
        motivo = "no hay un gestor con ese id en los datos"
        sugeridos = difflib.get_close_matches(clave, list(inf.gestores), n=3, cutoff=0.6)
        if sugeridos:
            motivo += "; ¿quiso decir " + " o ".join(sugeridos) + "?"
        elif inf.gestores:
            motivo += "; hay, por ejemplo: " + ", ".join(list(inf.gestores)[:5])
    return DatoInvalido(motivo, campo="--gestor", valor=gestor)
