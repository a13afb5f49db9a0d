/* archivist web workbench: plain JavaScript, no build step, no external files.
 * Everything that comes from the server or a file name is put into the page with textContent,
 * never innerHTML, so a document title can never become markup. */
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /* bars: widths come from data-pct (inline style attributes are not allowed by the CSP) */
  document.querySelectorAll(".bar [data-pct]").forEach(function (s) {
    var pct = Math.max(0, Math.min(100, parseFloat(s.dataset.pct) || 0));
    if (s.classList.contains("line")) s.style.left = pct + "%"; else s.style.width = pct + "%";
  });

  /* a second click on a slow button must not send the same change twice */
  document.querySelectorAll("form[method=post]").forEach(function (f) {
    f.addEventListener("submit", function () {
      var b = f.querySelector("button[type=submit]");
      if (b) { setTimeout(function () { b.disabled = true; b.dataset.busy = "1"; }, 0); }
    });
  });

  /* upload: drag and drop, several files, one request per file with its own progress */
  var form = document.getElementById("upload-form");
  if (form) {
    var maxBytes = parseInt(form.dataset.maxBytes, 10) || 0;
    var input = document.getElementById("file-input");
    var zone = document.getElementById("dropzone");
    var unit = document.getElementById("unit-input");
    var table = document.getElementById("uploads");
    var rows = document.getElementById("upload-rows");
    var queue = [];
    var busy = false;

    form.addEventListener("submit", function (e) { e.preventDefault(); });
    input.addEventListener("change", function () { addFiles(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) { if (e.dataTransfer) addFiles(e.dataTransfer.files); });
    zone.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") input.click(); });

    function addFiles(list) {
      for (var i = 0; i < list.length; i++) {
        var f = list[i];
        var tr = el("tr", "upload-row");
        tr.dataset.name = f.name;
        tr.appendChild(el("td", "name", f.name));
        var td = el("td", "progress");
        var bar = el("progress");
        bar.max = 100; bar.value = 0;
        td.appendChild(bar);
        tr.appendChild(td);
        tr.appendChild(el("td", "result", "等待中"));
        tr.appendChild(el("td", "detail", ""));
        rows.appendChild(tr);
        queue.push({ file: f, row: tr, bar: bar });
      }
      table.hidden = false;
      pump();
    }

    function pump() {
      if (busy || !queue.length) return;
      busy = true;
      send(queue.shift(), function () { busy = false; pump(); });
    }

    function fail(item, text) {
      var result = item.row.querySelector(".result");
      result.textContent = "";
      result.appendChild(el("span", "chip error", "失败"));
      item.row.querySelector(".detail").textContent = text;
      item.row.classList.add("done");
    }

    function show(item, results) {
      var result = item.row.querySelector(".result");
      var detail = item.row.querySelector(".detail");
      result.textContent = "";
      detail.textContent = "";
      item.bar.value = 100;
      results.forEach(function (r) {
        var line = el("div");
        line.appendChild(el("span", "chip " + r.status, r.status_label));
        if (r.indicator_label) line.appendChild(document.createTextNode(" " + r.indicator_label));
        result.appendChild(line);
        var d = el("div");
        if (results.length > 1) d.appendChild(document.createTextNode(r.original_name + " → "));
        if (r.id && r.archive_path) {
          var a = el("a", null, r.archive_path);
          a.href = "/doc/" + encodeURIComponent(r.id);
          d.appendChild(a);
        } else if (r.duplicate_of) {
          var o = el("a", null, "查看已归档的原件");
          o.href = "/doc/" + encodeURIComponent(r.duplicate_of);
          d.appendChild(o);
        }
        var note = r.reason || "";
        if (r.status === "unsorted") note = "系统没有把握，请到“待分类”页面点选指标";
        if (note) d.appendChild(el("div", r.status === "quarantined" ? "error-text" : "muted small", note));
        detail.appendChild(d);
      });
      item.row.classList.add("done");
    }

    function send(item, done) {
      if (maxBytes && item.file.size > maxBytes) {
        fail(item, "文件太大：超过 " + Math.round(maxBytes / 1048576) + " MB，请直接放入收件箱 inbox/");
        done();
        return;
      }
      var fd = new FormData();
      fd.append("files", item.file, item.file.name);
      fd.append("unit", unit.value || "");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/upload");
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.setRequestHeader("Accept", "application/json");
      item.row.querySelector(".result").textContent = "上传中";
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) item.bar.value = Math.round(e.loaded / e.total * 95);
      };
      xhr.upload.onload = function () { item.row.querySelector(".result").textContent = "识别归档中…"; };
      xhr.onload = function () {
        var data = null;
        try { data = JSON.parse(xhr.responseText); } catch (err) { data = null; }
        if (xhr.status === 200 && data && data.results) show(item, data.results);
        else fail(item, (data && data.error) || ("服务器返回 " + xhr.status));
        done();
      };
      xhr.onerror = function () { fail(item, "网络中断：请检查工作台是否仍在运行"); done(); };
      xhr.send(fd);
    }
  }

  /* reports: while a generation runs, look again every two seconds */
  var jobs = document.getElementById("jobs");
  if (jobs && jobs.dataset.running === "yes") {
    var timer = setInterval(function () {
      fetch("/jobs", { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          var running = (d.jobs || []).some(function (j) { return j.state === "queued" || j.state === "running"; });
          if (!running) { clearInterval(timer); window.location.reload(); }
        })
        .catch(function () { clearInterval(timer); });
    }, 2000);
  }
})();
