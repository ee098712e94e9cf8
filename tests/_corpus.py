"""Los casos del corpus roto que no caben en una carpeta de git (issue 12).

Los casos de ``tests/corpus_roto/<caso>/`` son carpetas de datos fijas. Estos otros se arman
en una carpeta temporal porque necesitan lo que git no guarda bien o no debe guardar: enlaces
simbólicos, un FIFO, un nombre con un espacio al final, un archivo de más de 128 KiB, un
destino de ``--salida`` que ya existe, una terminal en ASCII… Cada caso dice los argumentos
de la orden, el código de salida esperado y las partes del mensaje (o de la salida) que deben
aparecer y las que no.

`tests/test_corpus_roto.py` los corre todos por la línea de comandos.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import attrs

GESTORES = "id;rol;regional\ng1;Empresarial;Huila\n"
ASIGNACIONES = "gestor;nit\ng1;900123456\n"
CONTACTOS = "gestor;nit;fecha;tipo;medio\ng1;900.123.456-8;01/03/2012;Nuevo;Visita\n"


@attrs.frozen
class Caso:
    """Un caso: `armar(tmp)` prepara la carpeta temporal y devuelve los argumentos."""

    nombre: str
    armar: Callable[[Path], list[str]]
    codigo: int
    presentes: tuple[str, ...]
    ausentes: tuple[str, ...] = ()
    terminal: str | None = None  # la codificación de la salida estándar, si no es UTF-8
    despues: Callable[[Path], None] | None = None  # comprobaciones sobre la carpeta


def _datos(tmp: Path, archivos: dict[str, str | bytes] | None = None) -> Path:
    carpeta = tmp / "datos"
    carpeta.mkdir()
    base: dict[str, str | bytes] = {"gestores.csv": GESTORES, "asignaciones.csv": ASIGNACIONES}
    for nombre, contenido in {**base, **(archivos or {})}.items():
        datos = contenido.encode("utf-8") if isinstance(contenido, str) else contenido
        (carpeta / nombre).write_bytes(datos)
    return carpeta


def _informe(carpeta: Path, *extra: str) -> list[str]:
    return ["informe", "--datos", str(carpeta), *extra]


# --- 2: nada se salta en silencio ---


def _enlace_roto(tmp: Path) -> list[str]:
    carpeta = _datos(tmp)
    (carpeta / "contactos.csv").symlink_to(tmp / "no-existe.csv")
    return _informe(carpeta)


def _enlace_fuera(tmp: Path) -> list[str]:
    carpeta = _datos(tmp)
    secreto = tmp / "secreto.csv"
    secreto.write_bytes("gestor;nit\nclave-secreta;contraseña\n".encode("latin-1"))
    (carpeta / "contactos.csv").symlink_to(secreto)
    return _informe(carpeta)


def _enlace_dentro(tmp: Path) -> list[str]:
    carpeta = _datos(tmp)
    (carpeta / "exportado").mkdir()
    (carpeta / "exportado" / "contactos_2012.txt").write_text(CONTACTOS, encoding="utf-8")
    (carpeta / "contactos.csv").symlink_to(Path("exportado") / "contactos_2012.txt")
    return _informe(carpeta, "--formato", "csv")


def _espacio_al_final(tmp: Path) -> list[str]:
    return _informe(_datos(tmp, {"contactos.csv ": CONTACTOS}))


def _fifo(tmp: Path) -> list[str]:
    carpeta = _datos(tmp)
    os.mkfifo(carpeta / "contactos.csv")
    return _informe(carpeta)


def _demasiados_errores(tmp: Path) -> list[str]:
    return _informe(_datos(tmp, {f"contactos.{n:02}": "" for n in range(30)}))


# --- 3: --salida no destruye entradas ---


def _salida_dentro_de_datos(tmp: Path) -> list[str]:
    carpeta = _datos(tmp)
    return _informe(carpeta, "--formato", "csv", "--salida", str(carpeta / "gestores.csv"))


def _gestores_intactos(tmp: Path) -> None:
    assert (tmp / "datos" / "gestores.csv").read_text(encoding="utf-8") == GESTORES


def _salida_ajena(tmp: Path) -> list[str]:
    (tmp / "notas.txt").write_text("mis notas\n", encoding="utf-8")
    return ["informe", "--salida", str(tmp / "notas.txt")]


def _notas_intactas(tmp: Path) -> None:
    assert (tmp / "notas.txt").read_text(encoding="utf-8") == "mis notas\n"


def _salida_ajena_forzada(tmp: Path) -> list[str]:
    return [*_salida_ajena(tmp), "--forzar"]


def _salida_en_carpeta_inexistente(tmp: Path) -> list[str]:
    return ["informe", "--formato", "json", "--salida", str(tmp / "no" / "a.json")]


def _salida_es_una_carpeta(tmp: Path) -> list[str]:
    (tmp / "informes").mkdir()
    return ["informe", "--salida", str(tmp / "informes")]


# --- 4: lo que no es un archivo regular ---


def _salida_por_enlace(tmp: Path) -> list[str]:
    (tmp / "real.json").write_text('{\n  "esquema": 1\n}\n', encoding="utf-8")
    (tmp / "enlace.json").symlink_to("real.json")
    return ["informe", "--formato", "json", "--salida", str(tmp / "enlace.json")]


def _el_enlace_sigue_y_el_destino_cambio(tmp: Path) -> None:
    assert (tmp / "enlace.json").is_symlink()
    assert '"periodo": "2012-03"' in (tmp / "real.json").read_text(encoding="utf-8")


# --- 6: celdas enormes ---


def _celda_enorme(tmp: Path) -> list[str]:
    contactos = "gestor;nit;fecha;tipo;medio\ng1;900123456;01/03/2012;" + "x" * 40_000 + ";Visita\n"
    return _informe(_datos(tmp, {"contactos.csv": contactos}))


def _celda_gigante(tmp: Path) -> list[str]:
    contactos = "gestor;nit;fecha;tipo;medio\ng1;" + "9" * 200_000 + ";01/03/2012;Nuevo;Visita\n"
    return _informe(_datos(tmp, {"contactos.csv": contactos}))


def _comilla_que_se_traga_el_archivo(tmp: Path) -> list[str]:
    filas = "".join(f"g1;900123456;01/03/2012;Nuevo;Visita {n}\n" for n in range(3000))
    contactos = 'gestor;nit;fecha;tipo;medio\ng1;900123456;01/03/2012;"Nuevo;Visita\n' + filas
    return _informe(_datos(tmp, {"contactos.csv": contactos}))


# --- 8: mensajes que dicen lo que pasa ---


def _linea_en_blanco_antes_del_encabezado(tmp: Path) -> list[str]:
    return _informe(_datos(tmp, {"contactos.csv": "\n;;\n" + CONTACTOS}), "--formato", "csv")


def _tabuladores(tmp: Path) -> list[str]:
    return _informe(
        _datos(tmp, {"contactos.csv": CONTACTOS.replace(";", "\t")}), "--formato", "csv"
    )


def _sep_de_excel(tmp: Path) -> list[str]:
    return _informe(_datos(tmp, {"contactos.csv": "sep=;\r\n" + CONTACTOS}), "--formato", "csv")


def _sep_de_excel_con_error(tmp: Path) -> list[str]:
    contactos = "\ufeffsep=,\ngestor,nit,fecha,tipo,medio\ng1,900123456,1/3/2012,Nuevo,Fax\n"
    return _informe(_datos(tmp, {"contactos.csv": contactos}))


# --- 7: la terminal ---


def _texto(tmp: Path) -> list[str]:
    return ["informe"]


def _clasificar(tmp: Path) -> list[str]:
    return ["clasificar", "--aportes", "$ 250.000.000", "--regional", "Bogotá"]


def _error_con_tildes(tmp: Path) -> list[str]:
    return ["periodo", "31/02/2012"]


CASOS: tuple[Caso, ...] = (
    # 2
    Caso("enlace_roto", _enlace_roto, 3, ("contactos.csv", "enlace simbólico roto")),
    Caso(
        "enlace_fuera_de_la_carpeta",
        _enlace_fuera,
        3,
        ("contactos.csv", "sale de la carpeta de datos"),
        ("clave-secreta", "contrase"),
    ),
    Caso("enlace_dentro_de_la_carpeta", _enlace_dentro, 0, ("gestor,g1,EC,",)),
    Caso("nombre_con_espacio_al_final", _espacio_al_final, 3, ("'contactos.csv '", "espacios")),
    Caso("fifo_con_nombre_de_registro", _fifo, 3, ("contactos.csv", "no es un archivo regular")),
    Caso(
        "demasiados_errores",
        _demasiados_errores,
        3,
        ("contactos.00", "contactos.19", "los primeros 20"),
        ("contactos.20",),
    ),
    # 3
    Caso(
        "salida_dentro_de_datos",
        _salida_dentro_de_datos,
        2,
        ("--salida", "dentro de la carpeta de datos", "--forzar"),
        despues=_gestores_intactos,
    ),
    Caso(
        "salida_ajena",
        _salida_ajena,
        2,
        ("--salida", "notas.txt", "ya existe", "--forzar"),
        despues=_notas_intactas,
    ),
    Caso("salida_ajena_forzada", _salida_ajena_forzada, 0, ("escrito en",)),
    Caso(
        "salida_en_carpeta_inexistente",
        _salida_en_carpeta_inexistente,
        2,
        ("--salida", "no/a.json", "la carpeta donde escribirlo no existe"),
        (".tmp", "No such file"),
    ),
    Caso("salida_es_una_carpeta", _salida_es_una_carpeta, 2, ("--salida", "es una carpeta")),
    # 4
    Caso(
        "salida_por_enlace",
        _salida_por_enlace,
        0,
        ("escrito en",),
        despues=_el_enlace_sigue_y_el_destino_cambio,
    ),
    # 6
    Caso(
        "celda_enorme",
        _celda_enorme,
        3,
        ("contactos.csv, línea 2", "tipo", "40.000 caracteres", "32.767"),
        ("comillas",),
    ),
    Caso(
        "celda_gigante",
        _celda_gigante,
        3,
        ("contactos.csv, línea 2", "nit", "32.767"),
        ("field", "comillas"),
    ),
    Caso(
        "comilla_que_se_traga_el_archivo",
        _comilla_que_se_traga_el_archivo,
        3,
        ("contactos.csv, línea 2", "tipo", "comillas", "no se cierran"),
    ),
    # 8
    Caso(
        "linea_en_blanco_antes_del_encabezado",
        _linea_en_blanco_antes_del_encabezado,
        0,
        ("gestor,g1,EC,",),
    ),
    Caso("separado_por_tabuladores", _tabuladores, 0, ("gestor,g1,EC,",)),
    Caso("linea_sep_de_excel", _sep_de_excel, 0, ("gestor,g1,EC,",)),
    Caso(
        "linea_sep_de_excel_y_un_error",
        _sep_de_excel_con_error,
        3,
        ("contactos.csv, línea 3", "medio", "'Fax'"),
    ),
    # 7
    Caso("texto_en_ascii", _texto, 0, ("Informe de la Circular 109 de 2012 - marzo",), (), "ascii"),
    Caso(
        "texto_en_latin1", _texto, 0, ("Informe de la Circular 109 de 2012 - marzo",), (), "latin-1"
    ),
    Caso("clasificar_en_ascii", _clasificar, 0, ("Regional: Distrito Capital (11)",), (), "ascii"),
    Caso("error_en_ascii", _error_con_tildes, 2, ("no es una fecha del calendario",), (), "ascii"),
)
"""Los casos armados, en el orden de los ítems del issue 12."""
