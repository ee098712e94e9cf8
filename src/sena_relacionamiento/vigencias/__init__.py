"""Los parámetros de una vigencia como documento TOML (R30, R31).

Cada campo de `Parametros` es una tabla del documento con su ``valor`` y su ``fuente`` (la
sección de la circular, la regla del proyecto o «plantilla»). `a_toml` escribe el documento y
`desde_toml` lo lee (con `tomllib`, de la biblioteca estándar) y lo valida; son inversas:
``desde_toml(a_toml(p)) == p``. Todo error es un `DatoInvalido` que nombra la clave y la línea.

El documento de la vigencia 2012 viaja con el paquete (``vigencias/2012.toml``) y es
`a_toml(PARAMETROS_2012)`.

>>> from sena_relacionamiento import PARAMETROS_2012
>>> desde_toml(a_toml(PARAMETROS_2012)) == PARAMETROS_2012
True
>>> desde_toml('[vigencia]\\nvalor = 2013\\nfuente = "Circular 2013"\\n', origen="v.toml")
Traceback (most recent call last):
...
sena_relacionamiento.errores.DatoInvalido: v.toml, línea 3 (fin del documento): dia_corte: ...

Este módulo es puro: lee y escribe texto. Leer un archivo es `cargar_parametros`, en el borde
(`sena_relacionamiento.io`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from sena_relacionamiento.enumeraciones import Rol, SegmentoRegional
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.parametros import INDICADORES_CON_BANDAS, Parametros
from sena_relacionamiento.regionales import REGIONALES, regional

__all__ = ["a_toml", "desde_toml", "lineas_de_claves"]

Ruta = tuple[str, ...]

# El tipo del «valor» de cada campo, en el orden del documento.
_ENTERO, _PESOS, _DECIMAL = "entero", "pesos", "decimal"
_POR_REGIONAL_SEGMENTO, _POR_REGIONAL_ENTERO, _REGIONALES = "segmentos", "conteos", "lista"
_POR_SEGMENTO, _POR_ROL, _BANDAS = "techos", "reparto", "bandas"

_CLASES: Final[dict[str, str]] = {
    "vigencia": _ENTERO,
    "dia_corte": _ENTERO,
    "segmentos": _POR_REGIONAL_SEGMENTO,
    "segmentos_inferidos": _REGIONALES,
    "piso_tipo_b": _PESOS,
    "techos_tipo_b": _POR_SEGMENTO,
    "meta_ec": _DECIMAL,
    "contactos_anuales": _ENTERO,
    "meta_ep": _DECIMAL,
    "meta_eg": _DECIMAL,
    "tope_em": _DECIMAL,
    "sismeg_formados": _ENTERO,
    "sismeg_empleos": _ENTERO,
    "reparto_sismeg": _POR_ROL,
    "metas_cv": _POR_REGIONAL_ENTERO,
    "topes_em": _POR_REGIONAL_ENTERO,
    "umbral_verde": _DECIMAL,
    "umbral_amarillo": _DECIMAL,
    "umbrales_por_indicador": _BANDAS,
}

_TABLAS: Final = frozenset(
    {_POR_REGIONAL_SEGMENTO, _POR_REGIONAL_ENTERO, _POR_SEGMENTO, _POR_ROL, _BANDAS}
)


# ── Escritura ────────────────────────────────────────────────────────────────────────────

_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_ESCAPES.update({"\f": "\\f", "\r": "\\r"})
_CLAVE_DESNUDA: Final = re.compile(r"[A-Za-z0-9_-]+")


def _cadena(texto: str) -> str:
    """Una cadena TOML básica: comillas, barras y caracteres de control escapados."""
    partes = []
    for c in texto:
        if c in _ESCAPES:
            partes.append(_ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            partes.append(f"\\u{ord(c):04X}")
        else:
            partes.append(c)
    return '"' + "".join(partes) + '"'


def _clave(texto: str) -> str:
    """Una clave TOML: desnuda si se puede y no son solo dígitos (``"05"`` es un código)."""
    if _CLAVE_DESNUDA.fullmatch(texto) and not texto.isdigit():
        return texto
    return _cadena(texto)


def _numero(valor: int | Decimal, *, agrupar: bool = False) -> str:
    if isinstance(valor, int):
        return f"{valor:_}" if agrupar else str(valor)
    texto = format(valor, "f")  # sin exponente: 1E+3 se escribe 1000
    if agrupar:
        entero, punto, fraccion = texto.partition(".")
        texto = f"{int(entero):_}" + punto + fraccion if entero.lstrip("-").isdigit() else texto
    return texto


def a_toml(p: Parametros) -> str:
    """El documento TOML de `p` (ver el módulo)."""
    plantilla = all(f.startswith("plantilla") for f in p.fuentes.values())
    lineas = [
        f"# Parámetros de la vigencia {p.vigencia} de sena_relacionamiento (R29–R31).",
        "# Cada número está en una tabla con su «valor» y su «fuente»: la sección de la",
        "# circular, la regla del proyecto o «plantilla». Las proporciones van como decimales",
        '# (0.90 es 90 %) y el dinero en pesos. Úselo con cargar_parametros("ARCHIVO.toml") o',
        "# con «sena-relacionamiento informe --parametros ARCHIVO.toml». Cada clave se explica",
        "# en la página «Vigencias» de la documentación.",
    ]
    if plantilla:
        lineas += [
            f"# PLANTILLA para la vigencia {p.vigencia}: los números son una copia; la biblioteca",
            "# no inventa metas. Confirme o cambie cada cifra y ponga su fuente real.",
        ]
    inferidas = p.segmentos_inferidos
    for campo, clase in _CLASES.items():
        valor = getattr(p, campo)
        fuente = _cadena(p.fuente(campo))
        lineas += ["", f"[{campo}]"]
        if clase not in _TABLAS:
            lineas += [f"valor = {_valor_simple(clase, valor)}", f"fuente = {fuente}"]
            continue
        lineas += [f"fuente = {fuente}", "", f"[{campo}.valor]"]
        if clase in (_POR_REGIONAL_SEGMENTO, _POR_REGIONAL_ENTERO):
            for r in REGIONALES:
                v = valor[r.codigo]
                texto = _cadena(v.name) if clase == _POR_REGIONAL_SEGMENTO else _numero(v)
                nota = (
                    " (inferido, R3)"
                    if clase == _POR_REGIONAL_SEGMENTO and r.codigo in inferidas
                    else ""
                )
                lineas.append(f"{_cadena(r.codigo)} = {texto}  # {r.nombre}{nota}")
        elif clase in (_POR_SEGMENTO, _POR_ROL):
            enumeracion = SegmentoRegional if clase == _POR_SEGMENTO else Rol
            for miembro in enumeracion:
                lineas.append(f"{miembro.name} = {_numero(valor[miembro], agrupar=True)}")
        else:  # _BANDAS
            for indicador in INDICADORES_CON_BANDAS:
                if indicador in valor:
                    verde, amarillo = valor[indicador]
                    lineas.append(
                        f"{indicador} = {{ verde = {_numero(verde)}, "
                        f"amarillo = {_numero(amarillo)} }}"
                    )
            if not valor:
                lineas += [
                    "# Ninguno: todos usan umbral_verde y umbral_amarillo. Por ejemplo:",
                    "# EC = { verde = 0.95, amarillo = 0.80 }",
                ]
    return "\n".join(lineas) + "\n"


def _valor_simple(clase: str, valor: Any) -> str:
    if clase == _REGIONALES:
        codigos = sorted(valor)
        nombres = ", ".join(regional(c).nombre for c in codigos)
        lista = "[" + ", ".join(_cadena(c) for c in codigos) + "]"
        return lista + (f"  # {nombres}" if nombres else "")
    return _numero(valor, agrupar=clase == _PESOS)


# ── Líneas de las claves ─────────────────────────────────────────────────────────────────


class _Fin(Exception):
    """El texto terminó (o dejó de avanzar) donde un TOML válido no lo haría."""


class _Escaner:
    """Recorre un TOML ya validado por `tomllib` y anota la línea de cada clave (tomllib no
    las da). Entiende comentarios, cadenas de todo tipo (también de varias líneas), arreglos
    y tablas en línea, encabezados ``[a.b]`` y ``[[a]]``, y claves con puntos o comillas."""

    def __init__(self, texto: str) -> None:
        self.texto = texto
        self.i = 0
        self.linea = 1
        self.lineas: dict[Ruta, int] = {}

    def _ver(self, n: int = 1) -> str:
        return self.texto[self.i : self.i + n]

    def _seguir(self) -> None:
        if self.i >= len(self.texto):
            raise _Fin

    def _avanzar(self, n: int = 1) -> None:
        self.linea += self.texto.count("\n", self.i, self.i + n)
        self.i += n

    def _anotar(self, ruta: Ruta) -> None:
        for k in range(1, len(ruta) + 1):
            self.lineas.setdefault(ruta[:k], self.linea)

    def _espacios(self, saltos: bool = False) -> None:
        """Salta espacios (y, si `saltos`, saltos de línea y comentarios)."""
        while self.i < len(self.texto):
            c = self._ver()
            if c in " \t" or (saltos and c in "\r\n"):
                self._avanzar()
            elif saltos and c == "#":
                self._hasta_fin_de_linea()
            else:
                return

    def _hasta_fin_de_linea(self) -> None:
        fin = self.texto.find("\n", self.i)
        self.i = len(self.texto) if fin < 0 else fin

    def recorrer(self) -> dict[Ruta, int]:
        tabla: Ruta = ()
        while True:
            self._espacios(saltos=True)
            if self.i >= len(self.texto):
                return self.lineas
            if self._ver() == "[":
                doble = self._ver(2) == "[["
                self._avanzar(2 if doble else 1)
                tabla = self._clave()
                self._anotar(tabla)
                self._avanzar(2 if doble else 1)
            else:
                ruta = tabla + self._clave()
                self._anotar(ruta)
                self._avanzar()  # «=»
                self._espacios()
                self._valor(ruta)

    def _clave(self) -> Ruta:
        partes: list[str] = []
        while True:
            self._espacios()
            c = self._ver()
            if c in "\"'":
                partes.append(self._cadena_corta())
            else:
                inicio = self.i
                while self.i < len(self.texto) and _CLAVE_DESNUDA.fullmatch(self._ver()):
                    self.i += 1
                partes.append(self.texto[inicio : self.i])
            self._espacios()
            if self._ver() != ".":
                return tuple(partes)
            self._avanzar()

    def _cadena_corta(self) -> str:
        """Una cadena de una línea (básica o literal), decodificada como la lee tomllib."""
        comilla = self._ver()
        inicio = self.i
        self._avanzar()
        while self._ver() != comilla:
            self._seguir()
            self._avanzar(2 if comilla == '"' and self._ver() == "\\" else 1)
        self._avanzar()
        crudo = self.texto[inicio : self.i]
        clave: str = tomllib.loads(f"x = {crudo}")["x"]
        return clave

    def _valor(self, ruta: Ruta) -> None:
        c = self._ver()
        if self._ver(3) in ('"""', "'''"):
            cierre = self._ver(3)
            self._avanzar(3)
            while self._ver(3) != cierre:
                self._seguir()
                self._avanzar(2 if cierre == '"""' and self._ver() == "\\" else 1)
            self._avanzar(3)
            while self._ver() == cierre[0]:  # hasta dos comillas pegadas al cierre
                self._avanzar()
        elif c in "\"'":
            self._cadena_corta()
        elif c == "[":
            self._avanzar()
            while True:
                self._espacios(saltos=True)
                self._seguir()
                if self._ver() == "]":
                    self._avanzar()
                    return
                if self._ver() == ",":
                    self._avanzar()
                    continue
                antes = self.i
                self._valor(ruta)
                if self.i == antes:
                    raise _Fin
        elif c == "{":
            self._avanzar()
            while True:
                self._espacios()
                self._seguir()
                if self._ver() == "}":
                    self._avanzar()
                    return
                if self._ver() == ",":
                    self._avanzar()
                    continue
                antes = self.i
                interna = ruta + self._clave()
                if self.i == antes:
                    raise _Fin
                self._anotar(interna)
                self._avanzar()  # «=»
                self._espacios()
                self._valor(interna)
        else:
            while self.i < len(self.texto) and self._ver() not in ",]}\r\n#":
                self.i += 1


def lineas_de_claves(texto: str) -> dict[Ruta, int]:
    r'''La línea (desde 1) de cada clave de un TOML válido, por su ruta de claves.

    >>> lineas_de_claves('[a]\nb = { c = 1 }\n"d.e" = """\n[x]\n"""\nf = 2')
    {('a',): 1, ('a', 'b'): 2, ('a', 'b', 'c'): 2, ('a', 'd.e'): 3, ('a', 'f'): 6}

    Con un texto que no es TOML no falla: da las líneas de lo que alcanzó a recorrer.
    '''
    escaner = _Escaner(texto)
    try:
        return escaner.recorrer()
    except (_Fin, tomllib.TOMLDecodeError):
        return escaner.lineas


# ── Lectura ──────────────────────────────────────────────────────────────────────────────


def _ultima_linea(texto: str) -> int:
    """La última línea con algo (TOML solo corta líneas en «\\n», no en U+0085 ni U+2028)."""
    return texto.rstrip().count("\n") + 1


def _ruta_texto(ruta: Ruta) -> str:
    return ".".join(_clave(parte) for parte in ruta)


_LINEA_TOMLLIB: Final = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_FIN_TOMLLIB: Final = re.compile(r"\s*\(at end of document\)$")


@attrs.frozen
class _Documento:
    texto: str
    origen: str
    lineas: Mapping[Ruta, int]

    def donde(self, ruta: Ruta) -> str:
        """El origen y la línea de la clave; si no está (una clave que falta), la de su tabla
        más cercana, o la última del documento."""
        for k in range(len(ruta), 0, -1):
            if ruta[:k] in self.lineas:
                return f"{self.origen}, línea {self.lineas[ruta[:k]]}"
        return f"{self.origen}, línea {_ultima_linea(self.texto)} (fin del documento)"

    def error(self, ruta: Ruta, mensaje: str, *valor: Any) -> DatoInvalido:
        if valor:
            return DatoInvalido(
                mensaje, campo=_ruta_texto(ruta), valor=valor[0], origen=self.donde(ruta)
            )
        return DatoInvalido(mensaje, campo=_ruta_texto(ruta), origen=self.donde(ruta))


def _leer_toml(texto: str, origen: str) -> dict[str, Any]:
    if not isinstance(texto, str):
        raise DatoInvalido("se esperaba el texto de un documento TOML", campo="texto", valor=texto)
    if not isinstance(origen, str):
        raise DatoInvalido(
            "se esperaba un texto (por ejemplo, el nombre del archivo)",
            campo="origen",
            valor=type(origen).__name__,
        )
    try:
        return tomllib.loads(texto, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        detalle = str(error)
        if m := _LINEA_TOMLLIB.search(detalle):
            donde = f"{origen}, línea {m[1]}, columna {m[2]}"
            detalle = detalle[: m.start()]
        else:
            donde = f"{origen}, línea {_ultima_linea(texto)} (fin del documento)"
            detalle = _FIN_TOMLLIB.sub("", detalle)
        raise DatoInvalido(
            f"no es un documento TOML válido (tomllib dice: {detalle})", origen=donde
        ) from None


def desde_toml(texto: str, *, origen: str = "<texto>") -> Parametros:
    """Los `Parametros` de un documento TOML, validados (ver el módulo)."""
    crudo = _leer_toml(texto, origen)
    doc = _Documento(texto, origen, lineas_de_claves(texto))
    for clave in crudo:
        if clave not in _CLASES:
            raise doc.error(
                (clave,),
                "clave desconocida; las claves son: " + ", ".join(_CLASES),
            )
    valores: dict[str, Any] = {}
    fuentes: dict[str, str] = {}
    for campo, clase in _CLASES.items():
        if campo not in crudo:
            raise doc.error((campo,), f"falta la clave [{campo}] (con su valor y su fuente)")
        tabla = crudo[campo]
        if not isinstance(tabla, dict):
            raise doc.error(
                (campo,), f"se esperaba la tabla [{campo}] con «valor» y «fuente»", tabla
            )
        for clave in tabla:
            if clave not in ("valor", "fuente"):
                raise doc.error((campo, clave), "clave desconocida; se esperaba valor y fuente")
        for clave in ("valor", "fuente"):
            if clave not in tabla:
                raise doc.error((campo, clave), f"falta la clave «{clave}» de [{campo}]")
        fuente = tabla["fuente"]
        if not isinstance(fuente, str) or not fuente.strip():
            raise doc.error((campo, "fuente"), "la fuente debe ser un texto no vacío", fuente)
        fuentes[campo] = fuente
        valores[campo] = _LECTORES[clase](doc, (campo, "valor"), tabla["valor"])
    try:
        return Parametros(**valores, fuentes=fuentes)
    except DatoInvalido as error:
        # Lo que solo se ve con el valor entero (un día de corte 31, un reparto que no suma
        # 1, un techo bajo el piso…): la clave es el «valor» del campo que lo dijo.
        ruta = (str(error.campo), "valor")
        valor = [error.valor] if error._tiene_valor else []
        raise doc.error(ruta, error.mensaje, *valor) from None


# Cada lector recibe el documento, la ruta y el valor crudo, y da el valor para `Parametros`.


def _entero(doc: _Documento, ruta: Ruta, valor: Any) -> int:
    if isinstance(valor, bool) or not isinstance(valor, int):
        raise doc.error(ruta, "se esperaba un número entero", valor)
    if valor < 0:
        raise doc.error(ruta, "no puede ser negativo", valor)
    return valor


def _decimal(doc: _Documento, ruta: Ruta, valor: Any) -> int | Decimal:
    if isinstance(valor, bool) or not isinstance(valor, int | Decimal):
        raise doc.error(ruta, "se esperaba un número (0.90 es 90 %)", valor)
    if isinstance(valor, Decimal) and not valor.is_finite():
        raise doc.error(ruta, "se esperaba un número finito", valor)
    if valor < 0:
        raise doc.error(ruta, "no puede ser negativo", valor)
    return valor


def _a_decimal(doc: _Documento, ruta: Ruta, valor: Any) -> Decimal:
    return Decimal(_decimal(doc, ruta, valor))


def _tabla(doc: _Documento, ruta: Ruta, valor: Any) -> dict[str, Any]:
    if not isinstance(valor, dict):
        raise doc.error(ruta, "se esperaba una tabla", valor)
    return valor


def _por_regional(
    lector: Callable[[_Documento, Ruta, Any], Any],
) -> Callable[[_Documento, Ruta, Any], dict[str, Any]]:
    def leer(doc: _Documento, ruta: Ruta, valor: Any) -> dict[str, Any]:
        leidos: dict[str, Any] = {}
        claves: dict[str, str] = {}
        for clave, v in _tabla(doc, ruta, valor).items():
            try:
                codigo = regional(clave).codigo
            except DatoInvalido as error:
                raise doc.error((*ruta, clave), error.mensaje, clave) from None
            if codigo in claves:
                raise doc.error(
                    (*ruta, clave),
                    f"la regional {regional(codigo).nombre} aparece dos veces "
                    f"(como {claves[codigo]!r} y como {clave!r})",
                )
            claves[codigo] = clave
            leidos[codigo] = lector(doc, (*ruta, clave), v)
        faltan = [r.nombre for r in REGIONALES if r.codigo not in leidos]
        if faltan:
            raise doc.error(
                ruta, "la tabla debe tener las 33 regionales; faltan: " + ", ".join(faltan)
            )
        return leidos

    return leer


def _segmento(doc: _Documento, ruta: Ruta, valor: Any) -> SegmentoRegional:
    try:
        return SegmentoRegional.de(valor)
    except DatoInvalido as error:
        raise doc.error(ruta, error.mensaje, valor) from None


def _regionales(doc: _Documento, ruta: Ruta, valor: Any) -> frozenset[str]:
    if not isinstance(valor, list):
        raise doc.error(ruta, "se esperaba una lista de regionales (códigos o nombres)", valor)
    codigos = set()
    for v in valor:
        if isinstance(v, bool) or not isinstance(v, str | int):
            raise doc.error(ruta, "se esperaba un código o un nombre de regional", v)
        try:
            codigos.add(regional(v).codigo)
        except DatoInvalido as error:
            raise doc.error(ruta, error.mensaje, v) from None
    return frozenset(codigos)


def _por_enumeracion(
    enumeracion: type[SegmentoRegional] | type[Rol],
    lector: Callable[[_Documento, Ruta, Any], Any],
) -> Callable[[_Documento, Ruta, Any], dict[Any, Any]]:
    def leer(doc: _Documento, ruta: Ruta, valor: Any) -> dict[Any, Any]:
        leidos: dict[Any, Any] = {}
        for clave, v in _tabla(doc, ruta, valor).items():
            miembro = enumeracion.__members__.get(clave)
            if miembro is None or miembro in leidos:
                raise doc.error(
                    (*ruta, clave),
                    "clave desconocida; se esperaba una de: " + ", ".join(enumeracion.__members__),
                )
            leidos[miembro] = lector(doc, (*ruta, clave), v)
        faltan = [m for m in enumeracion.__members__ if enumeracion[m] not in leidos]
        if faltan:
            raise doc.error(ruta, "faltan las claves: " + ", ".join(faltan))
        return leidos

    return leer


def _bandas(doc: _Documento, ruta: Ruta, valor: Any) -> dict[str, tuple[Decimal, Decimal]]:
    leidas: dict[str, tuple[Decimal, Decimal]] = {}
    for indicador, bandas in _tabla(doc, ruta, valor).items():
        aqui = (*ruta, indicador)
        if indicador not in INDICADORES_CON_BANDAS:
            raise doc.error(
                aqui,
                "no es un indicador con semáforo por bandas; se esperaba uno de: "
                + ", ".join(INDICADORES_CON_BANDAS),
            )
        bandas = _tabla(doc, aqui, bandas)
        if set(bandas) != {"verde", "amarillo"}:
            raise doc.error(aqui, "se esperaba { verde = …, amarillo = … }", bandas)
        verde = _a_decimal(doc, (*aqui, "verde"), bandas["verde"])
        amarillo = _a_decimal(doc, (*aqui, "amarillo"), bandas["amarillo"])
        for nombre, umbral in (("verde", verde), ("amarillo", amarillo)):
            if umbral > 1:
                raise doc.error((*aqui, nombre), "un umbral va de 0 a 1 (0.90 es 90 %)", umbral)
        if amarillo > verde:
            raise doc.error(
                (*aqui, "amarillo"),
                f"bandas fuera de orden: el umbral amarillo no puede superar al verde ({verde})",
                amarillo,
            )
        leidas[indicador] = (verde, amarillo)
    return leidas


_LECTORES: Final[dict[str, Callable[[_Documento, Ruta, Any], Any]]] = {
    _ENTERO: _entero,
    _PESOS: _decimal,
    _DECIMAL: _a_decimal,
    _REGIONALES: _regionales,
    _POR_REGIONAL_SEGMENTO: _por_regional(_segmento),
    _POR_REGIONAL_ENTERO: _por_regional(_entero),
    _POR_SEGMENTO: _por_enumeracion(SegmentoRegional, _decimal),
    _POR_ROL: _por_enumeracion(Rol, _a_decimal),
    _BANDAS: _bandas,
}
