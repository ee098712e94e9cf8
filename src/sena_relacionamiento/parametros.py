"""Todos los números de una vigencia en un solo valor inmutable (R29), con la sección de la
circular de la que sale cada uno.

`PARAMETROS_2012` es la vigencia de la Circular 109 de 2012. Otra circular es otro valor, no
una edición del código: `attrs.evolve(PARAMETROS_2012, dia_corte=20)` da uno nuevo y el
original no cambia.

>>> PARAMETROS_2012.dia_corte, PARAMETROS_2012.fuente("dia_corte")
(25, '§1 y §2a–§2g: «corte día veinticinco (25) de cada mes»')
>>> sum(PARAMETROS_2012.metas_cv.values()), sum(PARAMETROS_2012.topes_em.values())
(14200, 1529)
>>> import attrs
>>> attrs.evolve(PARAMETROS_2012, dia_corte=31)
Traceback (most recent call last):
...
sena_relacionamiento.errores.DatoInvalido: dia_corte: el día de corte va de 1 a 28 (se recibió 31)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.enumeraciones import Rol, SegmentoRegional
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.regionales import REGIONALES, ConsultaRegional, Regional, regional

__all__ = ["INDICADORES_CON_BANDAS", "PARAMETROS_2012", "PLANTILLA", "Parametros"]

_G, _M, _P = SegmentoRegional.GRANDE, SegmentoRegional.MEDIANA, SegmentoRegional.PEQUENA


def _mapa(valor: object, clave: Callable[[Any], Any], campo: str) -> MapaFijo[Any, Any]:
    """Una tabla de solo lectura con las llaves convertidas por `clave`.

    Si dos llaves dan la misma (``"20"`` y ``"Cesar"``), gana la última, como en un `dict`:
    ``{**PARAMETROS_2012.segmentos, "Cesar": SegmentoRegional.GRANDE}`` reemplaza a Cesar.
    """
    if not isinstance(valor, Mapping):
        raise DatoInvalido("se esperaba una tabla (un mapeo)", campo=campo, valor=valor)
    return MapaFijo({clave(original): v for original, v in valor.items()})


def _codigo(consulta: Any) -> str:
    return regional(consulta).codigo


def _tabla_segmentos(valor: object) -> MapaFijo[str, SegmentoRegional]:
    return _mapa(valor, _codigo, "segmentos")


def _tabla_metas_cv(valor: object) -> MapaFijo[str, int]:
    return _mapa(valor, _codigo, "metas_cv")


def _tabla_topes_em(valor: object) -> MapaFijo[str, int]:
    return _mapa(valor, _codigo, "topes_em")


def _tabla_techos(valor: object) -> MapaFijo[SegmentoRegional, int]:
    return _mapa(valor, lambda s: SegmentoRegional.de(s, "techos_tipo_b"), "techos_tipo_b")


def _tabla_reparto(valor: object) -> MapaFijo[Rol, Decimal]:
    return _mapa(valor, lambda r: Rol.de(r, "reparto_sismeg"), "reparto_sismeg")


def _inferidos(valor: object) -> frozenset[str]:
    if isinstance(valor, str | int | Regional) or not isinstance(valor, Iterable):
        raise DatoInvalido(
            "se esperaba una colección de regionales", campo="segmentos_inferidos", valor=valor
        )
    return frozenset(_codigo(x) for x in valor)


def _cubre_las_33(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    faltan = [r.nombre for r in REGIONALES if r.codigo not in valor]
    if faltan:
        raise DatoInvalido(
            "la tabla debe tener las 33 regionales; faltan: " + ", ".join(faltan),
            campo=atributo.name,
        )


def _todas_las_llaves(
    enumeracion: type[SegmentoRegional] | type[Rol],
) -> Callable[[Parametros, attrs.Attribute[Any], Any], None]:
    def validar(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
        faltan = [m.name for m in enumeracion if m not in valor]
        if faltan:
            raise DatoInvalido(
                "la tabla debe nombrar todos los valores; faltan: " + ", ".join(faltan),
                campo=atributo.name,
            )

    return validar


def _no_negativo(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    valores = valor.values() if isinstance(valor, Mapping) else [valor]
    for v in valores:
        if isinstance(v, bool) or not isinstance(v, int | Decimal):
            raise DatoInvalido("se esperaba un int o un Decimal", campo=atributo.name, valor=v)
        if isinstance(v, Decimal) and not v.is_finite():
            raise DatoInvalido("se esperaba un número finito", campo=atributo.name, valor=v)
        if v < 0:
            raise DatoInvalido("no puede ser negativo", campo=atributo.name, valor=v)


def _entero(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    valores = valor.values() if isinstance(valor, Mapping) else [valor]
    for v in valores:
        if isinstance(v, bool) or not isinstance(v, int):
            raise DatoInvalido("se esperaba un número entero", campo=atributo.name, valor=v)


def _proporcion(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    _no_negativo(instancia, atributo, valor)
    if valor > 1:
        raise DatoInvalido(
            "una proporción va de 0 a 1 (0.90 es 90 %)", campo=atributo.name, valor=valor
        )


def _vigencia(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    if isinstance(valor, bool) or not isinstance(valor, int) or valor < 1:
        raise DatoInvalido("la vigencia es un año (int)", campo=atributo.name, valor=valor)


def _segmentos(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    for v in valor.values():
        if not isinstance(v, SegmentoRegional):
            raise DatoInvalido("se esperaba un SegmentoRegional", campo=atributo.name, valor=v)


def validar_dia_corte(valor: object, campo: str = "dia_corte") -> None:
    """R10: el día de corte es un `int` de 1 a 28 (29, 30 y 31 no existen en todos los meses);
    si no, un `DatoInvalido`. La única revisión del día de corte: la usan `Parametros`, los
    lapsos de `periodos` y `tablas.periodo_de`."""
    if isinstance(valor, bool) or not isinstance(valor, int) or not 1 <= valor <= 28:
        raise DatoInvalido("el día de corte va de 1 a 28", campo=campo, valor=valor)


def _dia_corte(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    validar_dia_corte(valor, atributo.name)


def _reparto(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    _no_negativo(instancia, atributo, valor)
    if sum(valor.values()) != 1:
        raise DatoInvalido("el reparto debe sumar 1", campo=atributo.name, valor=dict(valor))


def _fuente(texto: str) -> dict[str, str]:
    return {"fuente": texto}


INDICADORES_CON_BANDAS: Final = ("SISMEG_FORMADOS", "SISMEG_EMPLEOS", "EC", "EP", "EG", "CV")
"""Los indicadores cuyo semáforo usa bandas (R25, R31): los de meta mínima. EM tiene techo
(verde o rojo) y AF y PE no tienen meta."""


def _nombre_indicador(clave: object) -> str:
    nombre = getattr(clave, "name", clave)  # un `Indicador` o su nombre
    if not isinstance(nombre, str) or nombre.strip().upper() not in INDICADORES_CON_BANDAS:
        raise DatoInvalido(
            "no es un indicador con semáforo por bandas; se esperaba uno de: "
            + ", ".join(INDICADORES_CON_BANDAS),
            campo="umbrales_por_indicador",
            valor=clave,
        )
    return nombre.strip().upper()


def _bandas(valor: object) -> tuple[Decimal, Decimal]:
    if isinstance(valor, str) or not isinstance(valor, Iterable):
        raise DatoInvalido(
            "se esperaba un par (verde, amarillo)", campo="umbrales_por_indicador", valor=valor
        )
    par = tuple(valor)
    if len(par) != 2:
        raise DatoInvalido(
            "se esperaba un par (verde, amarillo)", campo="umbrales_por_indicador", valor=valor
        )
    return par[0], par[1]


def _tabla_bandas(valor: object) -> MapaFijo[str, tuple[Decimal, Decimal]]:
    mapa = _mapa(valor, _nombre_indicador, "umbrales_por_indicador")
    return MapaFijo({clave: _bandas(par) for clave, par in mapa.items()})


def _bandas_en_orden(instancia: Parametros, atributo: attrs.Attribute[Any], valor: Any) -> None:
    for indicador, (verde, amarillo) in valor.items():
        _proporcion(instancia, atributo, verde)
        _proporcion(instancia, atributo, amarillo)
        if amarillo > verde:
            raise DatoInvalido(
                f"{indicador}: el umbral amarillo no puede superar al verde ({verde})",
                campo=atributo.name,
                valor=amarillo,
            )


def _tabla_fuentes(valor: object) -> MapaFijo[str, str]:
    """Las fuentes dadas sobre las de la clase: un campo sin fuente dada tiene la de 2012."""
    dadas = _mapa(valor, lambda c: c, "fuentes")
    campos = {a.name: a for a in attrs.fields(Parametros)}
    for campo, texto in dadas.items():
        if campo not in campos or campo == "fuentes":
            raise DatoInvalido("Parametros no tiene ese campo", campo="fuentes", valor=campo)
        if not isinstance(texto, str) or not texto.strip():
            raise DatoInvalido(
                f"la fuente de {campo} debe ser un texto no vacío", campo="fuentes", valor=texto
            )
    return MapaFijo(
        {
            nombre: dadas.get(nombre, a.metadata["fuente"])
            for nombre, a in campos.items()
            if nombre != "fuentes"
        }
    )


PLANTILLA: Final = "plantilla: copia de la vigencia {vigencia}; confirme cada cifra"
"""La fuente de cada número de una plantilla para otra vigencia (decisión de R30)."""


@attrs.frozen
class Parametros:
    """Los números de una vigencia (R29). Cada campo dice su fuente en ``fuente(campo)``.

    Se valida al construirlo (también con `attrs.evolve`): una tabla por regional que no
    tenga las 33, que nombre una regional desconocida o que tenga un número negativo es un
    `DatoInvalido`; también lo son un día de corte fuera de 1–28, un
    reparto SISMEG que no sume 1, una proporción mayor que 1, un techo del tipo B por debajo
    de su piso y un umbral amarillo por encima del verde (también en las bandas de un
    indicador, R31).

    `fuentes` guarda la fuente de cada campo (R30): la sección de la circular, la regla o
    «plantilla». Las que no se den son las de la vigencia 2012. Un documento TOML guarda el
    valor entero, números y fuentes (`a_toml`, `desde_toml`).
    """

    vigencia: int = attrs.field(
        validator=_vigencia, metadata=_fuente("Asunto y §1: metas para el año 2012")
    )
    dia_corte: int = attrs.field(
        validator=_dia_corte,
        metadata=_fuente("§1 y §2a–§2g: «corte día veinticinco (25) de cada mes»"),
    )
    segmentos: MapaFijo[str, SegmentoRegional] = attrs.field(
        converter=_tabla_segmentos,
        validator=[_cubre_las_33, _segmentos],
        metadata=_fuente("§ segmentación de regionales (cuadro resumen), R3"),
    )
    segmentos_inferidos: frozenset[str] = attrs.field(
        converter=_inferidos,
        metadata=_fuente("R3: Cesar no aparece en el cuadro; su segmento es inferido"),
    )
    piso_tipo_b: int = attrs.field(
        validator=_no_negativo,
        metadata=_fuente("§2a: empresas tipo B, «más de $100 millones»"),
    )
    techos_tipo_b: MapaFijo[SegmentoRegional, int] = attrs.field(
        converter=_tabla_techos,
        validator=[_todas_las_llaves(SegmentoRegional), _no_negativo],
        metadata=_fuente(
            "§2a: «hasta $500 millones» (grandes), «hasta $300 millones» (medianas y pequeñas)"
        ),
    )
    meta_ec: Decimal = attrs.field(
        validator=_proporcion, metadata=_fuente("§2a: cobertura de 90 % en tres meses")
    )
    contactos_anuales: int = attrs.field(
        validator=[_entero, _no_negativo],
        metadata=_fuente("§2a: mínimo 3 contactos al año por empresa"),
    )
    meta_ep: Decimal = attrs.field(
        validator=_no_negativo, metadata=_fuente("§2b: dos (2) servicios por empresa, trimestral")
    )
    meta_eg: Decimal = attrs.field(
        validator=_proporcion,
        metadata=_fuente("§2c: gestionar el 60 % de los requerimientos al mes"),
    )
    tope_em: Decimal = attrs.field(
        validator=_proporcion,
        metadata=_fuente("§2f: la monetización no podrá ser superior al 6 %"),
    )
    sismeg_formados: int = attrs.field(
        validator=[_entero, _no_negativo], metadata=_fuente("§1: 20.000 colombianos formados")
    )
    sismeg_empleos: int = attrs.field(
        validator=[_entero, _no_negativo],
        metadata=_fuente("§1: 2.000 nuevos empleos generados"),
    )
    reparto_sismeg: MapaFijo[Rol, Decimal] = attrs.field(
        converter=_tabla_reparto,
        validator=[_todas_las_llaves(Rol), _reparto],
        metadata=_fuente(
            "§1: 60 % a cargo de los gestores estratégicos y 40 % de los empresariales"
        ),
    )
    metas_cv: MapaFijo[str, int] = attrs.field(
        converter=_tabla_metas_cv,
        validator=[_cubre_las_33, _entero, _no_negativo],
        metadata=_fuente("§2e: tabla de contratos voluntarios por regional (erratas en R27)"),
    )
    topes_em: MapaFijo[str, int] = attrs.field(
        converter=_tabla_topes_em,
        validator=[_cubre_las_33, _entero, _no_negativo],
        metadata=_fuente("§2f: tabla de empresas que monetizan por regional (erratas en R28)"),
    )
    umbral_verde: Decimal = attrs.field(
        default=Decimal("0.90"),
        validator=_proporcion,
        metadata=_fuente("R25: semáforo de los tableros del SENA (no está en la circular)"),
    )
    umbral_amarillo: Decimal = attrs.field(
        default=Decimal("0.70"),
        validator=_proporcion,
        metadata=_fuente("R25: semáforo de los tableros del SENA (no está en la circular)"),
    )
    umbrales_por_indicador: MapaFijo[str, tuple[Decimal, Decimal]] = attrs.field(
        factory=MapaFijo,
        converter=_tabla_bandas,
        validator=_bandas_en_orden,
        metadata=_fuente(
            "R31: bandas (verde, amarillo) propias de un indicador; la vigencia 2012 usa las "
            "mismas para todos"
        ),
    )
    fuentes: MapaFijo[str, str] = attrs.field(
        factory=MapaFijo,
        converter=_tabla_fuentes,
        metadata=_fuente("R30: la fuente de cada número, como la dice su documento"),
    )

    def __attrs_post_init__(self) -> None:
        for segmento, techo in self.techos_tipo_b.items():
            if techo < self.piso_tipo_b:
                raise DatoInvalido(
                    f"el techo del tipo B de {segmento.name} no puede ser menor que "
                    f"piso_tipo_b ({self.piso_tipo_b})",
                    campo="techos_tipo_b",
                    valor=techo,
                )
        if self.umbral_amarillo > self.umbral_verde:
            raise DatoInvalido(
                f"el umbral amarillo no puede superar al verde ({self.umbral_verde})",
                campo="umbral_amarillo",
                valor=self.umbral_amarillo,
            )

    def fuente(self, campo: str) -> str:
        """La sección de la circular (o la regla, o «plantilla») de la que sale el campo
        `campo` en esta vigencia (R29, R30)."""
        if isinstance(campo, str) and campo in self.fuentes:
            return self.fuentes[campo]
        if campo == "fuentes":
            return str(attrs.fields(type(self)).fuentes.metadata["fuente"])
        raise DatoInvalido("Parametros no tiene ese campo", campo="campo", valor=campo)

    def bandas(self, indicador: object) -> tuple[Decimal, Decimal]:
        """Los umbrales (verde, amarillo) del semáforo de `indicador` (un `Indicador` o su
        nombre): los suyos si `umbrales_por_indicador` los tiene, si no los comunes (R25, R31).

        >>> PARAMETROS_2012.bandas("EC")
        (Decimal('0.90'), Decimal('0.70'))
        """
        nombre = getattr(indicador, "name", indicador)
        propias = self.umbrales_por_indicador.get(nombre) if isinstance(nombre, str) else None
        return propias or (self.umbral_verde, self.umbral_amarillo)

    def plantilla(self, vigencia: int) -> Parametros:
        """Una plantilla para la vigencia `vigencia`: estos mismos números, cada uno con la
        fuente «plantilla: copia de la vigencia AAAA; confirme cada cifra» (decisión de R30).
        La biblioteca no inventa metas: quien la use debe confirmar o cambiar cada cifra.

        >>> PARAMETROS_2012.plantilla(2013).fuente("metas_cv")
        'plantilla: copia de la vigencia 2012; confirme cada cifra'
        """
        marca = PLANTILLA.format(vigencia=self.vigencia)
        return attrs.evolve(self, vigencia=vigencia, fuentes=dict.fromkeys(self.fuentes, marca))

    @classmethod
    def desde_toml(cls, texto: str, *, origen: str = "<texto>") -> Parametros:
        """Los parámetros de un documento TOML (R30), validados: una clave desconocida o
        faltante, un tipo equivocado, una tabla que no cubre las 33 regionales, una meta
        negativa o unas bandas fuera de orden son un `DatoInvalido` que nombra la clave y la
        línea (`origen` dice de dónde vino el texto, por ejemplo el nombre del archivo).
        Es la inversa de `a_toml`. El formato está en la página «Vigencias»."""
        from sena_relacionamiento.vigencias import desde_toml

        return desde_toml(texto, origen=origen)

    def a_toml(self) -> str:
        """El documento TOML de estos parámetros, cada número con su fuente (R30):
        ``Parametros.desde_toml(p.a_toml()) == p``."""
        from sena_relacionamiento.vigencias import a_toml

        return a_toml(self)

    def segmento(self, consulta: ConsultaRegional) -> SegmentoRegional:
        """El segmento de una regional en esta vigencia (R3)."""
        return self.segmentos[regional(consulta).codigo]

    def meta_sismeg(self, rol: Rol) -> tuple[int, int]:
        """Formados y empleos a cargo de un rol: la cuota nacional por su parte (R13)."""
        parte = self.reparto_sismeg[Rol.de(rol, "rol")]
        return int(self.sismeg_formados * parte), int(self.sismeg_empleos * parte)


_SEGMENTOS_2012: Final = {
    # R3: columnas del cuadro resumen, corregidas (Magdalena…Tolima son MEDIANAS).
    "Antioquia": _G, "Atlántico": _G, "Distrito Capital": _G, "Cundinamarca": _G,
    "Santander": _G, "Valle": _G,
    "Bolívar": _M, "Boyacá": _M, "Caldas": _M, "Cauca": _M, "Córdoba": _M, "Huila": _M,
    "Magdalena": _M, "Meta": _M, "Nariño": _M, "Norte de Santander": _M, "Quindío": _M,
    "Risaralda": _M, "Tolima": _M,
    "Cesar": _M,  # inferido (R3): no está en el cuadro
    "Amazonas": _P, "Arauca": _P, "Caquetá": _P, "Casanare": _P, "Chocó": _P, "Guainía": _P,
    "Guajira": _P, "Guaviare": _P, "Putumayo": _P, "San Andrés": _P, "Sucre": _P,
    "Vaupés": _P, "Vichada": _P,
}  # fmt: skip

_METAS_CV_2012: Final = {
    # §2e con las erratas de R27 corregidas.
    "Amazonas": 14, "Antioquia": 2500, "Arauca": 20, "Atlántico": 1500, "Bolívar": 250,
    "Boyacá": 105, "Caldas": 120, "Caquetá": 20, "Casanare": 90, "Cauca": 160, "Cesar": 70,
    "Chocó": 2, "Córdoba": 90, "Cundinamarca": 600, "Distrito Capital": 5500, "Guainía": 0,
    "Guajira": 30, "Guaviare": 12, "Huila": 160, "Magdalena": 150, "Meta": 70, "Nariño": 70,
    "Norte de Santander": 250, "Putumayo": 6, "Quindío": 120, "Risaralda": 250,
    "San Andrés": 21, "Santander": 500, "Sucre": 50, "Tolima": 120, "Valle": 1350,
    "Vaupés": 0, "Vichada": 0,
}  # fmt: skip

_TOPES_EM_2012: Final = {
    # §2f con las erratas de R28 corregidas.
    "Amazonas": 0, "Antioquia": 155, "Arauca": 0, "Atlántico": 8, "Bolívar": 1, "Boyacá": 5,
    "Caldas": 0, "Caquetá": 1, "Casanare": 0, "Cauca": 6, "Cesar": 1, "Chocó": 0,
    "Córdoba": 0, "Cundinamarca": 116, "Distrito Capital": 1050, "Guainía": 0, "Guajira": 1,
    "Guaviare": 0, "Huila": 1, "Magdalena": 0, "Meta": 3, "Nariño": 2,
    "Norte de Santander": 0, "Putumayo": 0, "Quindío": 0, "Risaralda": 14, "San Andrés": 2,
    "Santander": 2, "Sucre": 0, "Tolima": 3, "Valle": 158, "Vaupés": 0, "Vichada": 0,
}  # fmt: skip

PARAMETROS_2012: Final[Parametros] = Parametros(
    vigencia=2012,
    dia_corte=25,
    segmentos=_SEGMENTOS_2012,
    segmentos_inferidos={"Cesar"},
    piso_tipo_b=100_000_000,
    techos_tipo_b={_G: 500_000_000, _M: 300_000_000, _P: 300_000_000},
    meta_ec=Decimal("0.90"),
    contactos_anuales=3,
    meta_ep=Decimal(2),
    meta_eg=Decimal("0.60"),
    tope_em=Decimal("0.06"),
    sismeg_formados=20_000,
    sismeg_empleos=2_000,
    reparto_sismeg={Rol.ESTRATEGICO: Decimal("0.60"), Rol.EMPRESARIAL: Decimal("0.40")},
    metas_cv=_METAS_CV_2012,
    topes_em=_TOPES_EM_2012,
)
"""La vigencia 2012 de la Circular 109 (R29)."""
